namespace PrivacyKit.EFCore.Metadata;

/// <summary>
/// Names of the model annotations PrivacyKit puts on an EF Core model. They are the contract between the model
/// conventions (which set them while the model is built, so they survive into compiled models) and the runtime
/// parts (interceptors, jobs, the personal-data source) that read them through <see cref="PrivacyEntityMetadata"/>.
/// </summary>
internal static class PrivacyKitAnnotationNames
{
    /// <summary>Prefix of every PrivacyKit annotation.</summary>
    public const string Prefix = "PrivacyKit:";

    /// <summary>
    /// On an entity type: the stable entity name bound into encryption associated data and written to audit events
    /// (default: the CLR type's name). Renaming the CLR type must not change it once data is encrypted.
    /// </summary>
    public const string EntityName = Prefix + "EntityName";

    /// <summary>
    /// On the EF property that holds an encrypted CLR property's ciphertext (a shadow property mapped to the column):
    /// the name of the CLR property whose plaintext it stores. Value: <see cref="string"/>.
    /// </summary>
    public const string CiphertextFor = Prefix + "CiphertextFor";

    /// <summary>
    /// On the EF shadow property that holds a blind index: the name of the CLR property it indexes.
    /// Value: <see cref="string"/>.
    /// </summary>
    public const string BlindIndexFor = Prefix + "BlindIndexFor";
}
