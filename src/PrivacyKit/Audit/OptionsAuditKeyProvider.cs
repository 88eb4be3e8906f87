using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PrivacyKit.Internal;

namespace PrivacyKit.Audit;

/// <summary>
/// The default <see cref="IAuditKeyProvider"/>: keys from <see cref="AuditOptions"/>, or clearly marked
/// development keys (key id <c>development</c>) derived from a published constant when none is configured.
/// </summary>
internal sealed class OptionsAuditKeyProvider : IAuditKeyProvider
{
    public const string DevelopmentKeyId = "development";

    private static readonly byte[] DevelopmentSeed = Encoding.UTF8.GetBytes("PrivacyKit development audit key. NOT FOR PRODUCTION.");

    private readonly Dictionary<string, byte[]> _chainKeys = new(StringComparer.Ordinal);
    private readonly byte[] _valueKey;

    public OptionsAuditKeyProvider(IOptions<AuditOptions> options, IOptions<PrivacyKitOptions> kitOptions)
    {
        var o = options.Value;
        var app = kitOptions.Value.ApplicationName;
        if (o.RequireConfiguredKeys)
        {
            if (o.ChainKey is null)
            {
                throw Error.AuditKeysNotConfigured(nameof(AuditOptions.ChainKey));
            }

            if (o.ValueHashKey is null)
            {
                throw Error.AuditKeysNotConfigured(nameof(AuditOptions.ValueHashKey));
            }
        }

        if (o.ChainKey is null)
        {
            CurrentChainKeyId = DevelopmentKeyId;
            _chainKeys[DevelopmentKeyId] = DeriveDevelopmentKey("chain/" + app);
        }
        else
        {
            CurrentChainKeyId = o.ChainKeyId;
            _chainKeys[o.ChainKeyId] = Convert.FromBase64String(o.ChainKey);
        }

        foreach (var (id, key) in o.PreviousChainKeys)
        {
            _chainKeys.TryAdd(id, Convert.FromBase64String(key));
        }

        if (o.ValueHashKey is null)
        {
            ValueHashKeyId = DevelopmentKeyId;
            _valueKey = DeriveDevelopmentKey("values/" + app);
        }
        else
        {
            ValueHashKeyId = o.ValueHashKeyId;
            _valueKey = Convert.FromBase64String(o.ValueHashKey);
        }
    }

    public string CurrentChainKeyId { get; }

    public string ValueHashKeyId { get; }

    public bool UsesDevelopmentKey => CurrentChainKeyId == DevelopmentKeyId || ValueHashKeyId == DevelopmentKeyId;

    public ReadOnlyMemory<byte> GetChainKey(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return _chainKeys.TryGetValue(keyId, out var key) ? key : throw Error.AuditUnknownKey(keyId);
    }

    public ReadOnlyMemory<byte> GetValueHashKey() => _valueKey;

    private static byte[] DeriveDevelopmentKey(string label) =>
        HMACSHA256.HashData(DevelopmentSeed, Encoding.UTF8.GetBytes(label));
}
