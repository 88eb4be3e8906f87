namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>Something that happened with a customer: a call, a meeting, an e-mail, a campaign send.</summary>
public sealed class Activity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string Kind { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
