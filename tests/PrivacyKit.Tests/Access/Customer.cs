namespace PrivacyKit.Tests.Access;

/// <summary>A CRM customer entity as the row scope tests see it.</summary>
public sealed class Customer
{
    public int Id { get; set; }

    public string? OwnerId { get; set; }

    public string? TeamId { get; set; }

    public string? TenantId { get; set; }

    public string? Email { get; set; }
}
