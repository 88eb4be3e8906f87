using System.Globalization;

namespace PrivacyKit.EFCore.Internal;

/// <summary>Exception factory of PrivacyKit.EFCore: messages say what is wrong and what to do, never a personal value.</summary>
internal static partial class Error
{
    public static InvalidOperationException AuditStoreNotMapped(Type contextType) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The model of {contextType.Name} does not map the PrivacyKit audit store: call modelBuilder.AddPrivacyKitStores() in OnModelCreating."));

    public static InvalidOperationException AuditChainHeadMissing(string chainId) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The head row of audit chain '{chainId}' in privacykit_audit_chain_heads vanished inside the transaction; check that nothing else deletes from that table."));
}
