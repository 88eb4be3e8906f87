namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Another person reachable for a customer (an assistant, a spouse, a colleague).</summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string Relationship { get; set; } = "";
}
