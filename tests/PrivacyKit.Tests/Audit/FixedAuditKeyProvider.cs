using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

/// <summary>One chain key under a chosen id (the worked example's <c>example-key</c> = bytes 00..1f).</summary>
internal sealed class FixedAuditKeyProvider(string keyId, byte[] key) : IAuditKeyProvider
{
    public static FixedAuditKeyProvider Example { get; } = new("example-key", [.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    public string CurrentChainKeyId => keyId;

    public string ValueHashKeyId => "values";

    public ReadOnlyMemory<byte> GetChainKey(string id) =>
        id == keyId ? key : throw new AuditException($"No audit chain key has id '{id}'.");

    public ReadOnlyMemory<byte> GetValueHashKey() => new byte[32];
}
