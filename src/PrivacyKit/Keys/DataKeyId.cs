using System.Globalization;

namespace PrivacyKit.Keys;

/// <summary>The compact form of a data-key identity as written in a ciphertext header.</summary>
internal readonly record struct DataKeyId(ulong Id, uint Version)
{
    public string KeyIdText => FormatKeyId(Id);

    public int? VersionOrNull => Version is > 0 and <= int.MaxValue ? (int)Version : null;

    public static string FormatKeyId(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParse(string keyId, int version, out DataKeyId id)
    {
        if (keyId is { Length: 16 } && version > 0 &&
            ulong.TryParse(keyId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            id = new DataKeyId(value, (uint)version);
            return true;
        }

        id = default;
        return false;
    }

    public DataKeyReference ToReference() => new(KeyIdText, (int)Version);
}
