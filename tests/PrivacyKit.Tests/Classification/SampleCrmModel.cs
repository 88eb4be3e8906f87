using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Classification;

// A small CRM model used by the data map golden files. Changing it changes the golden files.
#pragma warning disable CA1812 // Read by reflection only.

public enum ContactChannel
{
    Email,
    Phone,
}

[Purpose("crm")]
[Retention("P7Y", From = nameof(ClosedAt), Action = RetentionAction.ShredKey)]
public sealed class Customer
{
    [DataSubjectId]
    public Guid Id { get; set; }

    [PersonalData(PersonalDataCategory.Identifier)]
    [Encrypted]
    public string Name { get; set; } = string.Empty;

    [PersonalData(PersonalDataCategory.Contact)]
    [Encrypted]
    [BlindIndex(Normaliser = "email")]
    [Purpose("marketing")]
    public string Email { get; set; } = string.Empty;

    [PersonalData(PersonalDataCategory.Contact, Notes = "mobile or landline")]
    [Encrypted]
    [BlindIndex("phone_idx", Normaliser = "phone")]
    public string? Phone { get; set; }

    [PersonalData(PersonalDataCategory.Behavioural)]
    [Encrypted]
    [BlindIndex]
    public ContactChannel PreferredChannel { get; set; }

    [SensitiveData(Notes = "health: allergies for event catering")]
    [Encrypted]
    public string? Allergies { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

[Purpose("billing")]
[Retention("P10Y", From = nameof(IssuedAt))]
public sealed class Invoice
{
    public int Id { get; set; }

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Financial)]
    public string Iban { get; set; } = string.Empty;

    [PersonalData(PersonalDataCategory.Location)]
    [Retention("P18M", From = nameof(IssuedAt))]
    public string? DeliveryAddress { get; set; }

    public decimal Amount { get; set; }

    public DateTime IssuedAt { get; set; }
}

public sealed class SupportTicket
{
    public int Id { get; set; }

    [PersonalData(PersonalDataCategory.FreeText)]
    public string Body { get; set; } = string.Empty;

    [SensitiveData]
    public string? MedicalNote { get; set; }
}

#pragma warning restore CA1812
