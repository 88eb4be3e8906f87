using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>An in-memory key-encryption key that can be made to fail like an unreachable KMS.</summary>
internal sealed class SwitchableKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private readonly InMemoryKeyEncryptionKey _inner = new();

    public bool Failing { get; set; }

    public string KeyId => _inner.KeyId;

    public ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default) =>
        Failing ? throw new KeyManagementException("The KMS is unreachable (test).", KeyId) { IsTransient = true } : _inner.WrapKeyAsync(dataKey, cancellationToken);

    public ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default) =>
        Failing ? throw new KeyManagementException("The KMS is unreachable (test).", KeyId) { IsTransient = true } : _inner.UnwrapKeyAsync(wrappedKey, cancellationToken);

    public void Dispose() => _inner.Dispose();
}
