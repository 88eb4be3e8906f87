using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>
/// A local Azure Key Vault (or Managed HSM) that speaks the Key Vault keys REST protocol over HTTPS on
/// 127.0.0.1 with real keys: RSA-2048 (RSA-OAEP-256) and oct-HSM (A256KW, RFC 3394). It checks bearer
/// tokens, answers unauthenticated requests with Key Vault's 401 challenge, keeps key versions, returns Key
/// Vault's error bodies and can throttle, fail or go down on demand. Clients reach it under its vault host
/// name through <see cref="CreateTransport"/>, which connects to the local port and pins its certificate.
/// </summary>
internal sealed partial class LocalKeyVaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, List<LocalKeyVersion>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _throttleLock = new();
    private DateTimeOffset _windowStart;
    private DateTimeOffset _blockedUntil;
    private int _windowCount;

    private LocalKeyVaultServer(WebApplication app, X509Certificate2 certificate, string host, bool managedHsm)
    {
        _app = app;
        _certificate = certificate;
        Host = host;
        IsManagedHsm = managedHsm;
        Resource = managedHsm ? "https://managedhsm.azure.net" : "https://vault.azure.net";
    }

    public string Host { get; }

    public bool IsManagedHsm { get; }

    public int Port { get; private set; }

    public Uri VaultUri => new($"https://{Host}/");

    public string TenantId { get; } = "00000000-0000-4000-8000-0000000000aa";

    /// <summary>Gets or sets the challenge's <c>resource</c>; <see langword="null"/> sends <see cref="ChallengeScope"/> instead.</summary>
    public string? Resource { get; set; }

    /// <summary>Gets or sets the challenge's <c>scope</c>, sent when <see cref="Resource"/> is <see langword="null"/>.</summary>
    public string? ChallengeScope { get; set; }

    public ConcurrentDictionary<string, bool> AcceptedTokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Gets or sets a status (for example 503) every authenticated request gets: the vault is down.</summary>
    public int? FailureStatus { get; set; }

    /// <summary>Gets failures handed out, one each, to the next authenticated requests.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> ScriptedFailures { get; } = new();

    /// <summary>Gets or sets how many authenticated requests are served per <see cref="ThrottleWindow"/> before 429 (for <see cref="ThrottleRetryAfterSeconds"/>).</summary>
    public int? ThrottleLimit { get; set; }

    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(1);

    public int ThrottleRetryAfterSeconds { get; set; } = 1;

    /// <summary>Gets or sets a raw answer (status, body) for authenticated requests, to test malformed responses.</summary>
    public Func<RecordedRequest, (int Status, string Body)?>? ResponseOverride { get; set; }

    /// <summary>Gets or sets how long the vault waits before it answers (to make clients time out).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Gets or sets a value indicating whether binary values are sent as padded standard base64 instead of base64url.</summary>
    public bool UseStandardBase64 { get; set; }

    public static async Task<LocalKeyVaultServer> StartAsync(bool managedHsm = false)
    {
        string host = managedHsm ? "privacykit-test.managedhsm.azure.net" : "privacykit-test.vault.azure.net";
        X509Certificate2 certificate = CreateCertificate(host);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        WebApplication app = builder.Build();
        var server = new LocalKeyVaultServer(app, certificate, host, managedHsm);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>Creates an RSA-2048 key, or a new version of it (rotation). Returns the version.</summary>
    public string CreateRsaKey(string name, IReadOnlyList<string>? operations = null) =>
        AddVersion(name, new LocalKeyVersion(NewVersion(), "RSA", RSA.Create(2048), null, operations ?? ["wrapKey", "unwrapKey"]));

    /// <summary>Creates a 256-bit oct-HSM key, or a new version of it. Returns the version.</summary>
    public string CreateOctHsmKey(string name) =>
        AddVersion(name, new LocalKeyVersion(NewVersion(), "oct-HSM", null, RandomNumberGenerator.GetBytes(32), ["wrapKey", "unwrapKey"]));

    public string KeyId(string name, string version) => $"https://{Host}/keys/{name}/{version}";

    public void SetEnabled(string name, string version, bool enabled) => Find(name, version)!.Enabled = enabled;

    public void SetExpires(string name, string version, DateTimeOffset expires) => Find(name, version)!.Expires = expires;

    public RSA RsaKey(string name, string version) => Find(name, version)!.Rsa!;

    public string AcceptToken(string token)
    {
        AcceptedTokens[token] = true;
        return token;
    }

    public int CountRequests(Func<RecordedRequest, bool>? predicate = null) => predicate is null ? Requests.Count : Requests.Count(predicate);

    /// <summary>A transport that reaches this server under its vault host name and trusts only its certificate.</summary>
    public HttpPipelineTransport CreateTransport()
    {
        string thumbprint = _certificate.GetCertHashString(HashAlgorithmName.SHA256);
        int port = Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        };
        return new HttpClientTransport(handler);
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
        foreach (LocalKeyVersion version in _keys.Values.SelectMany(v => v))
        {
            version.Rsa?.Dispose();
        }
    }

    private static X509Certificate2 CreateCertificate(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static string NewVersion() => Guid.NewGuid().ToString("N");

    private string AddVersion(string name, LocalKeyVersion version)
    {
        List<LocalKeyVersion> versions = _keys.GetOrAdd(name, _ => []);
        lock (versions)
        {
            versions.Add(version);
        }

        return version.Version;
    }

    private LocalKeyVersion? Find(string name, string? version)
    {
        if (!_keys.TryGetValue(name, out List<LocalKeyVersion>? versions))
        {
            return null;
        }

        lock (versions)
        {
            return version is null ? versions.LastOrDefault() : versions.Find(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class LocalKeyVersion(string version, string keyType, RSA? rsa, byte[]? secret, IReadOnlyList<string> operations)
    {
        public string Version { get; } = version;

        public string KeyType { get; } = keyType;

        public RSA? Rsa { get; } = rsa;

        public byte[]? Secret { get; } = secret;

        public IReadOnlyList<string> Operations { get; } = operations;

        public bool Enabled { get; set; } = true;

        public DateTimeOffset? Expires { get; set; }
    }
}

/// <summary>What the local vault saw of one request.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? ApiVersion, string? Authorization, int BodyLength, DateTimeOffset ReceivedAt)
{
    public int Status { get; set; }

    public string Operation => Path.EndsWith("/wrapkey", StringComparison.Ordinal) ? "wrapkey"
        : Path.EndsWith("/unwrapkey", StringComparison.Ordinal) ? "unwrapkey"
        : "get";
}
