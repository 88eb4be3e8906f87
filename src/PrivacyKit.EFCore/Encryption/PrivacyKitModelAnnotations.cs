using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// Annotations the encryption convention adds beside those of <see cref="PrivacyKitAnnotationNames"/>. Their values are
/// strings or integers, so compiled models carry them.
/// </summary>
internal static class PrivacyKitModelAnnotations
{
    /// <summary>On a ciphertext property: the plaintext length limit (characters for strings, bytes for byte[]). Value: <see cref="int"/>.</summary>
    public const string PlaintextMaxLength = PrivacyKitAnnotationNames.Prefix + "PlaintextMaxLength";

    /// <summary>On a blind-index property: the key name of the index (<c>Entity.IndexName</c>). Value: <see cref="string"/>.</summary>
    public const string BlindIndexKey = PrivacyKitAnnotationNames.Prefix + "BlindIndexKey";

    /// <summary>On a blind-index property: the normaliser name, absent for none. Value: <see cref="string"/>.</summary>
    public const string BlindIndexNormaliser = PrivacyKitAnnotationNames.Prefix + "BlindIndexNormaliser";

    /// <summary>Suffix of the shadow property holding an encrypted property's ciphertext (<c>EmailCiphertext</c>).</summary>
    public const string CiphertextSuffix = "Ciphertext";

    /// <summary>Suffix of the shadow property (and column) holding a blind index (<c>EmailBlindIndex</c>).</summary>
    public const string BlindIndexSuffix = "BlindIndex";
}
