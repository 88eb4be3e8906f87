using System.Data.Common;
using System.Net;

namespace PrivacyKit.AspNetCore.Transport;

/// <summary>Judges server bindings and database connection strings; the findings name what to fix, never a secret.</summary>
internal static class TransportPosture
{
    public static List<string> Evaluate(
        IEnumerable<string> addresses,
        bool hstsConfigured,
        IEnumerable<KeyValuePair<string, string?>> connectionStrings,
        bool tlsTerminatedByProxy)
    {
        var findings = new List<string>();
        if (!tlsTerminatedByProxy && !hstsConfigured)
        {
            foreach (var address in addresses)
            {
                if (IsPlainHttp(address, out var host) && !IsLoopback(host))
                {
                    findings.Add($"The server listens on '{address}' over plain HTTP without HSTS, so privacy endpoints are reachable unencrypted: bind HTTPS only, or call AddHsts() with UseHttpsRedirection() and UseHsts(), or set TlsTerminatedByProxy when a proxy terminates TLS.");
                }
            }
        }

        foreach (var (name, value) in connectionStrings)
        {
            if (value is not null && DisablesTls(value))
            {
                findings.Add($"The connection string 'ConnectionStrings:{name}' reaches a network database with TLS disabled: require TLS (e.g. 'SSL Mode=Require' or 'Encrypt=True').");
            }
        }

        return findings;
    }

    internal static bool IsPlainHttp(string address, out string host)
    {
        host = string.Empty;
        const string Scheme = "http://";
        if (!address.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = address[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            rest = rest[..slash];
        }

        var bracket = rest.LastIndexOf(']');
        var colon = rest.LastIndexOf(':');
        host = colon > bracket ? rest[..colon] : rest;
        return true;
    }

    internal static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    internal static bool DisablesTls(string connectionString)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return false; // not a key=value connection string (a URL, a file path): nothing to judge
        }

        var host = Get(builder, "Host") ?? Get(builder, "Server") ?? Get(builder, "Address") ?? Get(builder, "Addr");
        if (host is null || IsLocalHost(host))
        {
            return false; // SQLite files, unix sockets and local servers do not cross a network
        }

        var sslMode = Get(builder, "SSL Mode") ?? Get(builder, "SslMode") ?? Get(builder, "sslmode");
        if (sslMode is not null && (Is(sslMode, "Disable") || Is(sslMode, "Disabled") || Is(sslMode, "None") || Is(sslMode, "Allow") || Is(sslMode, "Prefer") || Is(sslMode, "Preferred")))
        {
            return true;
        }

        var encrypt = Get(builder, "Encrypt") ?? Get(builder, "Use SSL") ?? Get(builder, "UseSsl");
        return encrypt is not null && (Is(encrypt, "False") || Is(encrypt, "No") || Is(encrypt, "Optional"));
    }

    private static bool IsLocalHost(string host)
    {
        var first = host.Split(',', ';')[0].Trim();
        if (first.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
        {
            first = first[4..];
        }

        var name = first.Split('\\')[0];
        var colon = name.LastIndexOf(':');
        if (colon > 0 && !name.Contains(']', StringComparison.Ordinal) && name.Count(c => c == ':') == 1)
        {
            name = name[..colon];
        }

        return name.StartsWith('/') || name is "." or "(local)" || IsLoopback(name);
    }

    private static string? Get(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
