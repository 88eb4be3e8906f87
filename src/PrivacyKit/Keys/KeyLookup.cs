namespace PrivacyKit.Keys;

/// <summary>The result of looking a data key up for decryption: found, unknown or shredded.</summary>
internal readonly record struct KeyLookup(CachedDataKey? Key, bool Erased)
{
    public static KeyLookup NotFound => default;
}
