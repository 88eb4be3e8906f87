namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Free text an employee wrote about a customer.</summary>
public sealed class Note
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
