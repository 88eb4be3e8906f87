namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// The head of a chain written inside application transactions: its last sequence and hash. Updated in the same
/// transaction as the records it heads, so the row lock serialises writers and a rollback undoes the allocation.
/// </summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's audit interfaces, never through this type.
/// </remarks>
public sealed class AuditChainHeadRow
{
    /// <summary>Gets or sets the chain id.</summary>
    public string ChainId { get; set; } = "";

    /// <summary>Gets or sets the sequence of the last record of the chain.</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the hash of the last record of the chain.</summary>
    public string Hash { get; set; } = "";
}
