using System.Security.Cryptography;
using System.Text.Json;
using PrivacyKit.Internal;

namespace PrivacyKit.Keys;

/// <summary>
/// A key-encryption key ring in a local file, for development and single-node deployments: 256-bit
/// keys (one current, earlier ones retired but kept for unwrapping), AES-256-GCM wrapping. The file is
/// created with owner-only permissions (0600) and replaced atomically; keep a backup of it apart from
/// the data, because without it nothing can be decrypted.
/// </summary>
/// <remarks>
/// Thread-safe. Opening a file that others may read, or that is not a key ring, throws
/// <see cref="KeyManagementException"/>; so does unwrapping with a KEK version the file does not hold
/// (the file is re-read once first, so a rotation made by another process is picked up).
/// </remarks>
public sealed class LocalKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private readonly Lock _fileGate = new();
    private readonly TimeProvider _time;
    private KeyEncryptionKeyRing _ring;

    private LocalKeyEncryptionKey(string path, TimeProvider time, KeyEncryptionKeyRing ring)
    {
        Path = path;
        _time = time;
        _ring = ring;
    }

    /// <summary>Gets the full path of the key file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string KeyId => Volatile.Read(ref _ring).CurrentKeyId;

    /// <summary>Gets the ids of every key in the ring, current and retired.</summary>
    public IReadOnlyList<string> KeyIds => Volatile.Read(ref _ring).KeyIds;

    /// <summary>Opens the key ring in <paramref name="path"/>, creating it with one new key when it does not exist.</summary>
    /// <param name="path">The key file.</param>
    /// <param name="timeProvider">The clock for key creation times; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The key-encryption key.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyManagementException">The file cannot be read, is not a key ring, or others may read it.</exception>
    public static LocalKeyEncryptionKey OpenOrCreate(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var time = timeProvider ?? TimeProvider.System;
        if (!File.Exists(fullPath))
        {
            using var fresh = new KeyEncryptionKeyRing();
            var material = RandomNumberGenerator.GetBytes(KeyEncryptionKeyRing.KeySize);
            fresh.Add(KeyEncryptionKeyRing.NewKeyId("local:"), material, current: true);
            CryptographicOperations.ZeroMemory(material);

            // If another process created the file first, its ring wins and is read below.
            OwnerOnlyFile.Write(fullPath, Serialize(fresh, time), overwrite: false);
        }

        return new LocalKeyEncryptionKey(fullPath, time, Read(fullPath));
    }

    /// <summary>Adds a new key and makes it current, keeping the earlier ones for unwrapping; then re-wrap the data keys with <see cref="IDataKeyManager.RewrapAllAsync"/>.</summary>
    /// <returns>The id of the new current key.</returns>
    /// <exception cref="KeyManagementException">The key file cannot be written.</exception>
    public string Rotate()
    {
        lock (_fileGate)
        {
            var ring = Read(Path);
            var material = RandomNumberGenerator.GetBytes(KeyEncryptionKeyRing.KeySize);
            var keyId = KeyEncryptionKeyRing.NewKeyId("local:");
            ring.Add(keyId, material, current: true);
            CryptographicOperations.ZeroMemory(material);
            try
            {
                OwnerOnlyFile.Write(Path, Serialize(ring, _time), overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ring.Dispose();
                throw Error.KeyFileUnreadable(Path, e);
            }

            // The previous ring is left to the collector rather than zeroed: a wrap or unwrap may still be using it.
            Volatile.Write(ref _ring, ring);
            return keyId;
        }
    }

    /// <inheritdoc/>
    public ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Volatile.Read(ref _ring).Wrap(dataKey.Span));

    /// <inheritdoc/>
    public ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        var dataKey = Volatile.Read(ref _ring).TryUnwrap(wrappedKey);
        if (dataKey is null)
        {
            // Another process may have rotated the ring: read the file once more.
            lock (_fileGate)
            {
                Volatile.Write(ref _ring, Read(Path));
            }

            dataKey = Volatile.Read(ref _ring).TryUnwrap(wrappedKey) ?? throw Error.KeyEncryptionKeyVersionNotHeld(wrappedKey.KeyEncryptionKeyId);
        }

        return ValueTask.FromResult(dataKey);
    }

    /// <summary>Zeroes the keys held in memory; wrapping and unwrapping then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Volatile.Read(ref _ring).Dispose();

    private static KeyEncryptionKeyRing Read(string path)
    {
        if (OwnerOnlyFile.IsOpenToOthers(path))
        {
            throw Error.KeyFilePermissions(path);
        }

        var ring = new KeyEncryptionKeyRing();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var current = root.GetProperty("current").GetString();
            foreach (var key in root.GetProperty("keys").EnumerateArray())
            {
                var material = key.GetProperty("material").GetBytesFromBase64();
                if (material.Length != KeyEncryptionKeyRing.KeySize)
                {
                    throw new FormatException("A key must be 256 bits.");
                }

                var id = key.GetProperty("id").GetString()!;
                ring.Add(id, material, string.Equals(id, current, StringComparison.Ordinal));
                CryptographicOperations.ZeroMemory(material);
            }

            if (current is null || !ring.Contains(current))
            {
                throw new FormatException("The current key is missing.");
            }

            return ring;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            ring.Dispose();
            throw Error.KeyFileUnreadable(path, e);
        }
    }

    private static byte[] Serialize(KeyEncryptionKeyRing ring, TimeProvider time)
    {
        var keys = ring.Export();
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("format", 1);
                writer.WriteString("current", ring.CurrentKeyId);
                writer.WriteString("written", time.GetUtcNow());
                writer.WriteStartArray("keys");
                foreach (var (keyId, material) in keys)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", keyId);
                    writer.WriteBase64String("material", material);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
        finally
        {
            foreach (var (_, material) in keys)
            {
                CryptographicOperations.ZeroMemory(material);
            }
        }
    }
}
