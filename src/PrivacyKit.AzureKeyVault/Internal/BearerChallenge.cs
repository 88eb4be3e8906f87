using System.Text;
using Azure;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// Reads parameters of the <c>Bearer</c> challenge in a <c>WWW-Authenticate</c> header (RFC 7235:
/// <c>scheme name="value", name=token, …</c>, several challenges allowed).
/// </summary>
internal static class BearerChallenge
{
    public static string? GetParameter(Response response, string name) =>
        response.Headers.TryGetValue("WWW-Authenticate", out string? header) ? GetParameter(header, name) : null;

    public static string? GetParameter(string header, string name)
    {
        bool inBearer = false;
        int i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && (header[i] == ',' || char.IsWhiteSpace(header[i])))
            {
                i++;
            }

            int start = i;
            while (i < header.Length && header[i] != '=' && header[i] != ',' && !char.IsWhiteSpace(header[i]))
            {
                i++;
            }

            string token = header[start..i];
            int next = i;
            while (next < header.Length && char.IsWhiteSpace(header[next]))
            {
                next++;
            }

            if (next < header.Length && header[next] == '=' && token.Length > 0)
            {
                string value = ReadValue(header, ref next);
                i = next;
                if (inBearer && string.Equals(token, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
            else if (token.Length > 0)
            {
                inBearer = string.Equals(token, "Bearer", StringComparison.OrdinalIgnoreCase);
            }
        }

        return null;
    }

    private static string ReadValue(string header, ref int i)
    {
        i++; // '='
        while (i < header.Length && char.IsWhiteSpace(header[i]))
        {
            i++;
        }

        if (i < header.Length && header[i] == '"')
        {
            var value = new StringBuilder();
            for (i++; i < header.Length && header[i] != '"'; i++)
            {
                if (header[i] == '\\' && i + 1 < header.Length)
                {
                    i++;
                }

                value.Append(header[i]);
            }

            i++; // closing quote
            return value.ToString();
        }

        int start = i;
        while (i < header.Length && header[i] != ',' && !char.IsWhiteSpace(header[i]))
        {
            i++;
        }

        return header[start..i];
    }
}
