using System.Buffers;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>A parsed key identifier: <c>https://{vault host}/keys/{name}[/{version}]</c>.</summary>
internal readonly record struct KeyVaultKeyIdentifier(Uri VaultUri, string Name, string? Version)
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    public override string ToString() =>
        Version is null ? $"{VaultUri.GetLeftPart(UriPartial.Authority)}/keys/{Name}" : $"{VaultUri.GetLeftPart(UriPartial.Authority)}/keys/{Name}/{Version}";

    /// <summary>Whether <paramref name="other"/> names the same key (vault and name) as this one, whatever its version.</summary>
    public bool IsSameKey(KeyVaultKeyIdentifier other) =>
        Uri.Compare(VaultUri, other.VaultUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? value, out KeyVaultKeyIdentifier identifier)
    {
        identifier = default;
        return Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && TryParse(uri, out identifier);
    }

    public static bool TryParse(Uri? uri, out KeyVaultKeyIdentifier identifier)
    {
        identifier = default;
        if (uri is null || !uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps
            || uri.UserInfo.Length != 0 || uri.Query.Length != 0 || uri.Fragment.Length != 0)
        {
            return false;
        }

        string[] segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 2 or > 3 || !string.Equals(segments[0], "keys", StringComparison.Ordinal)
            || !IsName(segments[1], 127) || (segments.Length == 3 && !IsName(segments[2], 64)))
        {
            return false;
        }

        identifier = new KeyVaultKeyIdentifier(
            new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"),
            segments[1],
            segments.Length == 3 ? segments[2] : null);
        return true;
    }

    private static bool IsName(string segment, int maxLength) =>
        segment.Length > 0 && segment.Length <= maxLength && !segment.AsSpan().ContainsAnyExcept(NameChars);
}
