namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>An employee who signs in to the CRM.</summary>
public sealed class User
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = "";

    public string TeamId { get; set; } = "";
}
