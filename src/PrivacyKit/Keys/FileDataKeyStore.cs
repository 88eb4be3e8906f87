using System.Runtime.CompilerServices;
using System.Text.Json;
using PrivacyKit.Internal;

namespace PrivacyKit.Keys;

/// <summary>
/// A <see cref="IDataKeyStore"/> in one JSON file (owner-only permissions, replaced atomically on every
/// change), for development and single-node deployments. Keys in it are wrapped; back it up with the
/// key-encryption key's backup in mind, and use the database store when several instances run.
/// </summary>
/// <remarks>
/// Thread-safe within one process; one process at a time may use a file. Reading or writing the file
/// can throw <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>; a file that is not a
/// data-key store gives <see cref="InvalidOperationException"/>. A change that cannot be written is
/// rolled back, so memory and file stay the same.
/// </remarks>
public sealed class FileDataKeyStore : IDataKeyStore, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private DataKeyTable _table;

    /// <summary>Opens the store in <paramref name="path"/>, which is created on the first change.</summary>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The file exists and is not a data-key store.</exception>
    public FileDataKeyStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _table = Load(Path);
    }

    /// <summary>Gets the full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public ValueTask<DataKeyRecord?> FindAsync(string keyId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return ValueTask.FromResult(Volatile.Read(ref _table).Find(keyId, version));
    }

    /// <inheritdoc/>
    public ValueTask<DataKeyRecord?> FindLatestAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ValueTask.FromResult(Volatile.Read(ref _table).FindLatest(scope));
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryAddAsync(DataKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ChangeAsync(table => table.TryAdd(record), changed => changed, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryReplaceWrappedKeyAsync(string keyId, int version, string expectedKeyEncryptionKeyId, WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(expectedKeyEncryptionKeyId);
        ArgumentNullException.ThrowIfNull(wrappedKey);
        return ChangeAsync(table => table.TryReplace(keyId, version, expectedKeyEncryptionKeyId, wrappedKey), changed => changed, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<int> ShredAsync(string scope, DateTimeOffset shreddedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ChangeAsync(table => table.Shred(scope, shreddedAt), count => count > 0, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<DataKeyRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in Volatile.Read(ref _table).Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _writeGate.Dispose();

    private static DataKeyTable Load(string path)
    {
        var table = new DataKeyTable();
        if (!File.Exists(path))
        {
            return table;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var item in document.RootElement.GetProperty("keys").EnumerateArray())
            {
                table.Put(ReadRecord(item));
            }

            return table;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Error.DataKeyStoreFileCorrupt(path, e);
        }
    }

    private static DataKeyRecord ReadRecord(JsonElement item)
    {
        var scope = item.GetProperty("scope").GetString()!;
        var keyId = item.GetProperty("keyId").GetString()!;
        var version = item.GetProperty("version").GetInt32();
        var kek = item.GetProperty("kek").GetString()!;
        var created = item.GetProperty("created").GetDateTimeOffset();
        var shredded = item.GetProperty("shredded");
        return shredded.ValueKind == JsonValueKind.Null
            ? new DataKeyRecord(scope, keyId, version, new WrappedKey(kek, item.GetProperty("algorithm").GetString()!, item.GetProperty("wrapped").GetBytesFromBase64()), created)
            : DataKeyRecord.Shredded(scope, keyId, version, kek, created, shredded.GetDateTimeOffset());
    }

    private static byte[] Serialize(DataKeyRecord[] records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", 1);
            writer.WriteStartArray("keys");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteString("scope", record.Scope);
                writer.WriteString("keyId", record.KeyId);
                writer.WriteNumber("version", record.Version);
                writer.WriteString("kek", record.KeyEncryptionKeyId);
                writer.WriteString("algorithm", record.WrappedKey?.Algorithm);
                if (record.WrappedKey is { } wrapped)
                {
                    writer.WriteBase64String("wrapped", wrapped.Ciphertext.Span);
                }
                else
                {
                    writer.WriteNull("wrapped");
                }

                writer.WriteString("created", record.CreatedAt);
                if (record.ShreddedAt is { } shreddedAt)
                {
                    writer.WriteString("shredded", shreddedAt);
                }
                else
                {
                    writer.WriteNull("shredded");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async ValueTask<T> ChangeAsync<T>(Func<DataKeyTable, T> change, Func<T, bool> changed, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var table = Volatile.Read(ref _table);
            var result = change(table);
            if (changed(result))
            {
                try
                {
                    OwnerOnlyFile.Write(Path, Serialize(table.Snapshot()), overwrite: true);
                }
                catch
                {
                    // Roll memory back to what the file holds, then report the failure.
                    Volatile.Write(ref _table, Load(Path));
                    throw;
                }
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
