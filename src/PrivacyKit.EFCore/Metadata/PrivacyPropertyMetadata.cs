using System.Reflection;
using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Metadata;

/// <summary>One classified property of an entity type. Immutable.</summary>
/// <param name="Field">The core's data-map view of the property (classification, protection, blind index name).</param>
/// <param name="ClrProperty">The CLR property, when the member is a property.</param>
/// <param name="CiphertextProperty">Name of the EF property storing the ciphertext, or <see langword="null"/> when stored in clear.</param>
/// <param name="BlindIndexProperty">Name of the EF shadow property storing the blind index, or <see langword="null"/>.</param>
internal sealed record PrivacyPropertyMetadata(
    DataMapField Field,
    PropertyInfo? ClrProperty,
    string? CiphertextProperty,
    string? BlindIndexProperty)
{
    /// <summary>The CLR property name.</summary>
    public string Name => Field.Name;

    /// <summary>Whether the attributes ask for encryption.</summary>
    public bool IsEncrypted => Field.Protection.HasFlag(FieldProtection.Encrypted);

    /// <summary>Whether the attributes ask for a blind index.</summary>
    public bool IsBlindIndexed => Field.Protection.HasFlag(FieldProtection.BlindIndex);
}
