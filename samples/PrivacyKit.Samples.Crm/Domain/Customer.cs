using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>A customer of the business: a person, owned by one sales rep.</summary>
[Purpose("service")]
[Retention("P3Y", From = nameof(LastContactedAt), Action = RetentionAction.ShredKey)]
public sealed class Customer
{
    [DataSubjectId]
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The sales rep who owns the relationship.</summary>
    public string OwnerId { get; set; } = "";

    public string TeamId { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public string FirstName { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public string LastName { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "email"), Purpose("marketing")]
    public string Email { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string? Phone { get; set; }

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public DateOnly? DateOfBirth { get; set; }

    [SensitiveData(Notes = "health"), Encrypted]
    public string? HealthNotes { get; set; }

    [PersonalData(PersonalDataCategory.Financial), Encrypted]
    public decimal? AnnualIncome { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public List<Contact> Contacts { get; set; } = [];

    public List<Deal> Deals { get; set; } = [];

    public List<Note> Notes { get; set; } = [];

    public List<Activity> Activities { get; set; } = [];
}
