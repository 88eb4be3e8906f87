using PrivacyKit.Classification;

namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Another person reachable for a customer (an assistant, a spouse, a colleague).</summary>
[Purpose("service")]
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The customer this contact belongs to: erasing the customer erases it too.</summary>
    [DataSubjectId]
    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string? Email { get; set; }

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string? Phone { get; set; }

    public string Relationship { get; set; } = "";
}
