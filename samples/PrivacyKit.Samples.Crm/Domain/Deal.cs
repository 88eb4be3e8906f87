namespace PrivacyKit.Samples.Crm.Domain;

/// <summary>An opportunity to sell to a customer.</summary>
public sealed class Deal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    public string Title { get; set; } = "";

    public decimal Amount { get; set; }

    public DealStage Stage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

public enum DealStage
{
    Lead,
    Qualified,
    Proposal,
    Won,
    Lost,
}
