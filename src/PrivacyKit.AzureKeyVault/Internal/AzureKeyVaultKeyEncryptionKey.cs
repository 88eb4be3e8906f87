using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// A key-encryption key in Azure Key Vault or Managed HSM. The key (its current version when the configured
/// id has none) is fetched with <c>GET key</c> and kept for <see cref="AzureKeyVaultOptions.KeyRefreshInterval"/>;
/// data keys are wrapped by the vault or, when <see cref="AzureKeyVaultOptions.WrapLocally"/> is set and the key
/// is RSA, with its public key. Unwrapping always calls the vault, with the version recorded in the wrapped key,
/// so data keys wrapped before a rotation stay readable.
/// </summary>
internal sealed class AzureKeyVaultKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private const int MinDataKeyLength = 16;
    private const int MaxDataKeyLength = 64;
    private const int MinRsaKeySizeInBits = 2048;

    private readonly KeyVaultKeyIdentifier _configured;
    private readonly KeyVaultClient _client;
    private readonly bool _wrapLocally;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile CachedKey? _cached;
    private volatile string _keyId;

    public AzureKeyVaultKeyEncryptionKey(AzureKeyVaultOptions options, TimeProvider timeProvider, ILogger<AzureKeyVaultKeyEncryptionKey> logger)
    {
        if (!KeyVaultKeyIdentifier.TryParse(options.KeyId, out KeyVaultKeyIdentifier configured) || options.Credential is null)
        {
            // Start-up validation reports what to fix; this only guards against skipping it.
            throw new InvalidOperationException("AzureKeyVaultOptions are not valid: call AddAzureKeyVault with a key id and a credential.");
        }

        _configured = configured;
        _keyId = _configured.ToString();
        _wrapLocally = options.WrapLocally;
        _refreshInterval = options.KeyRefreshInterval;
        _timeProvider = timeProvider;
        _logger = logger;
        _client = new KeyVaultClient(options, _configured, logger);
    }

    /// <inheritdoc/>
    /// <remarks>The configured id until the key has been fetched, then the full id of the version that wraps new data keys.</remarks>
    public string KeyId => _keyId;

    /// <inheritdoc/>
    public async ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dataKey.Length, MinDataKeyLength, nameof(dataKey));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dataKey.Length, MaxDataKeyLength, nameof(dataKey));
        if (dataKey.Length % 8 != 0)
        {
            throw new ArgumentException("A data key must be a multiple of 8 bytes long (AES key wrap).", nameof(dataKey));
        }

        KeyVaultKey key = await GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        string algorithm = KeyVaultAlgorithms.ForKeyType(key.KeyType)!;
        if (_wrapLocally && KeyVaultAlgorithms.IsRsa(key.KeyType))
        {
            return WrapWithPublicKey(key, dataKey.Span);
        }

        KeyOperationResult result = await _client.WrapAsync(key.Id, algorithm, dataKey, cancellationToken).ConfigureAwait(false);
        return new WrappedKey(result.KeyId.ToString(), algorithm, result.Value);
    }

    /// <inheritdoc/>
    public async ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        if (!KeyVaultKeyIdentifier.TryParse(wrappedKey.KeyEncryptionKeyId, out KeyVaultKeyIdentifier keyId)
            || keyId.Version is null || !keyId.IsSameKey(_configured))
        {
            throw Error.ForeignKey(Shorten(wrappedKey.KeyEncryptionKeyId), _configured.ToString());
        }

        if (!KeyVaultAlgorithms.IsSupported(wrappedKey.Algorithm))
        {
            throw Error.UnsupportedAlgorithm(keyId.ToString(), wrappedKey.Algorithm);
        }

        KeyOperationResult result = await _client.UnwrapAsync(keyId, wrappedKey.Algorithm, wrappedKey.Ciphertext, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public void Dispose() => _refreshLock.Dispose();

    private WrappedKey WrapWithPublicKey(KeyVaultKey key, ReadOnlySpan<byte> dataKey)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        string? refusal = !key.Enabled ? "the key version is disabled"
            : key.ExpiresOn <= now ? "the key version has expired"
            : key.NotBefore > now ? "the key version is not valid yet"
            : !key.Permits("wrapKey") ? "its permitted operations (key_ops) do not include wrapKey"
            : null;
        if (refusal is not null)
        {
            throw Error.KeyNotUsable(key.Id.ToString(), refusal);
        }

        using RSA rsa = RSA.Create(new RSAParameters { Modulus = key.Modulus, Exponent = key.Exponent });
        byte[] ciphertext = rsa.Encrypt(dataKey, RSAEncryptionPadding.OaepSHA256);
        return new WrappedKey(key.Id.ToString(), KeyVaultAlgorithms.RsaOaep256, ciphertext);
    }

    private async ValueTask<KeyVaultKey> GetCurrentKeyAsync(CancellationToken cancellationToken)
    {
        CachedKey? cached = _cached;
        if (cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Key;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _cached;
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Key;
            }

            KeyVaultKey key = await _client.GetKeyAsync(_configured, cancellationToken).ConfigureAwait(false);
            CheckUsable(key);
            _cached = new CachedKey(key, now + _refreshInterval);
            string previous = _keyId;
            _keyId = key.Id.ToString();
            Log.KeyFetched(_logger, _keyId, key.KeyType);
            if (cached is not null && !string.Equals(previous, _keyId, StringComparison.Ordinal))
            {
                Log.KeyVersionChanged(_logger, _keyId, previous);
            }

            if (_wrapLocally && KeyVaultAlgorithms.IsSymmetric(key.KeyType) && cached is null)
            {
                Log.SymmetricKeyWrapsInVault(_logger, _keyId);
            }

            return key;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static void CheckUsable(KeyVaultKey key)
    {
        if (KeyVaultAlgorithms.ForKeyType(key.KeyType) is null)
        {
            throw Error.KeyNotUsable(key.Id.ToString(), $"its type '{Shorten(key.KeyType)}' is not RSA, RSA-HSM or oct-HSM");
        }

        if (KeyVaultAlgorithms.IsRsa(key.KeyType) && KeySizeInBits(key.Modulus!) < MinRsaKeySizeInBits)
        {
            throw Error.KeyNotUsable(key.Id.ToString(), $"its RSA key is shorter than {MinRsaKeySizeInBits} bits");
        }
    }

    private static int KeySizeInBits(byte[] modulus)
    {
        ReadOnlySpan<byte> trimmed = modulus.AsSpan().TrimStart((byte)0);
        return trimmed.IsEmpty ? 0 : ((trimmed.Length - 1) * 8) + (8 - byte.LeadingZeroCount(trimmed[0]));
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");

    private sealed record CachedKey(KeyVaultKey Key, DateTimeOffset RefreshAt);
}
