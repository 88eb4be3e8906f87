using PrivacyKit.Classification;

namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Free text an employee wrote about a customer.</summary>
[Purpose("service")]
public sealed class Note
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    public string AuthorId { get; set; } = "";

    [PersonalData(PersonalDataCategory.FreeText), Encrypted]
    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
