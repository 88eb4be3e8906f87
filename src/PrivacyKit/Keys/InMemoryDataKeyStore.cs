using System.Runtime.CompilerServices;

namespace PrivacyKit.Keys;

/// <summary>
/// A <see cref="IDataKeyStore"/> in process memory, for tests and samples. Its keys are lost when the
/// process ends, and with them every value encrypted under them.
/// </summary>
/// <remarks>Thread-safe. It never throws except for argument checks.</remarks>
public sealed class InMemoryDataKeyStore : IDataKeyStore
{
    private readonly DataKeyTable _table = new();

    /// <inheritdoc/>
    public ValueTask<DataKeyRecord?> FindAsync(string keyId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return ValueTask.FromResult(_table.Find(keyId, version));
    }

    /// <inheritdoc/>
    public ValueTask<DataKeyRecord?> FindLatestAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ValueTask.FromResult(_table.FindLatest(scope));
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryAddAsync(DataKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ValueTask.FromResult(_table.TryAdd(record));
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryReplaceWrappedKeyAsync(string keyId, int version, string expectedKeyEncryptionKeyId, WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(expectedKeyEncryptionKeyId);
        ArgumentNullException.ThrowIfNull(wrappedKey);
        return ValueTask.FromResult(_table.TryReplace(keyId, version, expectedKeyEncryptionKeyId, wrappedKey));
    }

    /// <inheritdoc/>
    public ValueTask<int> ShredAsync(string scope, DateTimeOffset shreddedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ValueTask.FromResult(_table.Shred(scope, shreddedAt));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<DataKeyRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in _table.Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
