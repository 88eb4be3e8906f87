using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Requests.Crm;

public sealed class Customer
{
    [DataSubjectId]
    public Guid Id { get; set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = "rep-1";

    [PersonalData(PersonalDataCategory.Identifier)]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "email")]
    public string? Email { get; set; }

    [PersonalData(PersonalDataCategory.Contact)]
    public string? Phone { get; set; }

    [PersonalData(PersonalDataCategory.Identifier)]
    public int? BirthYear { get; set; }

    public bool Restricted { get; set; }

    public Address? Address { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }

    public List<Note> Notes { get; set; } = [];

    public List<Deal> Deals { get; set; } = [];

    public List<Activity> Activities { get; set; } = [];
}

/// <summary>Owned by a customer: stored in the customer's table.</summary>
public sealed class Address
{
    [PersonalData(PersonalDataCategory.Location)]
    public string Street { get; set; } = "";

    public string City { get; set; } = "";
}

public sealed class Note
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string AuthorId { get; set; } = "rep-1";

    [PersonalData(PersonalDataCategory.FreeText)]
    public string Text { get; set; } = "";

    public List<Attachment> Attachments { get; set; } = [];
}

public sealed class Attachment
{
    public int Id { get; set; }

    public Guid NoteId { get; set; }

    [PersonalData(PersonalDataCategory.FreeText)]
    public string FileName { get; set; } = "";
}

public sealed class Deal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string Title { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    [PersonalData(PersonalDataCategory.Financial)]
    [Retention("P1Y", From = nameof(ClosedAt))]
    public string? PaymentReference { get; set; }
}

[Retention("P30D", From = nameof(At))]
public sealed class Activity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Behavioural)]
    public string Subject { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>Another person reachable through a customer (an assistant): a data subject of their own.</summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    [DataSubjectId]
    public string PersonId { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier)]
    public string Name { get; set; } = "";
}

/// <summary>Reference data without personal fields or a subject: never part of a subject's data.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}
