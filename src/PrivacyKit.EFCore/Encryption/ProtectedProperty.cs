using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>An encrypted CLR property of an entity type at run time, with the EF properties holding its ciphertext and blind index. Immutable.</summary>
internal sealed class ProtectedProperty
{
    public required string Name { get; init; }

    public required PropertyInfo ClrProperty { get; init; }

    public required PropertyCodec Codec { get; init; }

    public required IReadOnlyProperty Ciphertext { get; init; }

    public required bool Binary { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyProperty? BlindIndex { get; init; }

    public string? BlindIndexKey { get; init; }

    public string? BlindIndexNormaliser { get; init; }

    public DataClassification Classification { get; init; }
}
