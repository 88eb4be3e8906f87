namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// The head of a chain written inside application transactions: its last sequence and hash. Updated in the same
/// transaction as the records it heads, so the row lock serialises writers and a rollback undoes the allocation.
/// </summary>
internal sealed class AuditChainHeadRow
{
    public string ChainId { get; set; } = "";

    public long Sequence { get; set; }

    public string Hash { get; set; } = "";
}
