using PrivacyKit.Consent;

namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static ConsentException UnknownPurpose(string purposeId)
    {
        // Echo the id only when it looks like one, so a value passed by mistake is never repeated.
        var shown = ConsentOptionsValidator.IsValidPurposeId(purposeId) ? $"'{purposeId}'" : "(a malformed id)";
        return new($"No consent purpose {shown} is registered; add it with ConfigureConsent(o => o.AddPurpose(...)) or fix the purpose id.", shown == "(a malformed id)" ? null : purposeId);
    }

    public static InvalidOperationException ConsentRecordExists(string recordId) =>
        new($"A consent record with id '{recordId}' already exists; consent history is append-only and ids must be unique.");

    public static ArgumentException ImportedRecordPurposeMismatch(ConsentEventKind kind, string paramName) =>
        new($"An imported {kind} record must {(kind is ConsentEventKind.OptedOutOfSaleOrSharing or ConsentEventKind.OptedInToSaleOrSharing ? "not name a purpose (it applies to every sale-or-sharing purpose)" : "name a registered purpose")}; fix ConsentRecord.PurposeId.", paramName);

    public static ConsentException ConsentHistoryNotRemovable(Type storeType) =>
        new($"ConsentOptions.ErasureEvidence is Remove, but the registered IConsentStore ({storeType.FullName}) does not implement IConsentHistoryEraser, so the consent history cannot be removed. Implement IConsentHistoryEraser on the store or set ErasureEvidence to Retain; nothing was changed.");
}
