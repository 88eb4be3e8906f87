using PrivacyKit.Access;
using PrivacyKit.BlindIndexes;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>The settings of <see cref="PrivacyKitDbContextOptionsBuilder"/>, frozen when the options are built. Immutable.</summary>
internal sealed record PrivacyKitSettings(
    CiphertextStorage Storage,
    IReadOnlyDictionary<string, IBlindIndexNormalizer> Normalizers,
    IReadOnlyDictionary<Type, Permission> FieldAccess)
{
    /// <summary>The built-in normaliser names, case-insensitive.</summary>
    public static IReadOnlyDictionary<string, IBlindIndexNormalizer> BuiltInNormalizers { get; } =
        new Dictionary<string, IBlindIndexNormalizer>(StringComparer.OrdinalIgnoreCase)
        {
            ["none"] = BlindIndexNormalizers.None,
            ["exact"] = BlindIndexNormalizers.None,
            ["email"] = BlindIndexNormalizers.Email,
            ["phone"] = BlindIndexNormalizers.PhoneDigits,
            ["phonedigits"] = BlindIndexNormalizers.PhoneDigits,
            ["casefold"] = BlindIndexNormalizers.TrimCaseFold,
            ["trimcasefold"] = BlindIndexNormalizers.TrimCaseFold,
        };

    /// <summary>Finds a normaliser by name (registered ones first, then the built-in ones); <see cref="BlindIndexNormalizers.None"/> for <see langword="null"/>.</summary>
    public IBlindIndexNormalizer? FindNormalizer(string? name) =>
        name is null ? BlindIndexNormalizers.None
        : Normalizers.TryGetValue(name, out var registered) ? registered
        : BuiltInNormalizers.GetValueOrDefault(name);
}
