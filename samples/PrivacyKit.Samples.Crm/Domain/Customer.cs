namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>A customer of the business: a person, owned by one sales rep.</summary>
public sealed class Customer
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The sales rep who owns the relationship.</summary>
    public string OwnerId { get; set; } = "";

    public string TeamId { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? HealthNotes { get; set; }

    public decimal? AnnualIncome { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public List<Contact> Contacts { get; set; } = [];

    public List<Deal> Deals { get; set; } = [];

    public List<Note> Notes { get; set; } = [];

    public List<Activity> Activities { get; set; } = [];
}
