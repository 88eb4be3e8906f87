using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>The AES-256-GCM field encryptor (see <see cref="IFieldEncryptor"/> and docs/ciphertext-format.md).</summary>
internal sealed partial class FieldEncryptor(DataKeyManager keyManager) : IFieldEncryptor
{
    private readonly DataKeyManager _keys = keyManager;

    private const int StackLimit = 512;
    private const int MaxAttempts = 3;

    public int GetEncryptedLength(int plaintextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(plaintextLength, Array.MaxLength - CiphertextLayout.Overhead);
        return plaintextLength + CiphertextLayout.Overhead;
    }

    public bool TryEncrypt(ReadOnlySpan<byte> plaintext, in EncryptionContext context, Span<byte> destination, out int bytesWritten)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var length = GetEncryptedLength(plaintext.Length);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        if (plaintext.Overlaps(destination))
        {
            throw Error.OverlappingBuffers(nameof(destination));
        }

        Seal(FieldValueType.Bytes, plaintext, context, destination[..length], null);
        bytesWritten = length;
        return true;
    }

    public int Decrypt(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, Span<byte> destination)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var length = Math.Max(0, ciphertext.Length - CiphertextLayout.Overhead);
        if (destination.Length < length)
        {
            throw Error.DestinationTooSmall(nameof(destination), length);
        }

        var status = Open(ciphertext, context, destination, null, out var type);
        if (status == DecryptionStatus.Erased)
        {
            throw Error.DataKeyErased(Details(context, ciphertext));
        }

        if (type != FieldValueType.Bytes)
        {
            CryptographicOperations.ZeroMemory(destination[..length]);
            throw Error.WrongValueType(type.ToString(), typeof(byte[]), Details(context, ciphertext));
        }

        return length;
    }

    public byte[] Encrypt<T>(T value, in EncryptionContext context) => EncryptValue<T, BinaryForm, byte[]>(value, context, null);

    public T Decrypt<T>(ReadOnlySpan<byte> ciphertext, in EncryptionContext context) =>
        DecryptValue(ciphertext, context, null, out T? value) == DecryptionStatus.Erased
            ? throw Error.DataKeyErased(Details(context, ciphertext))
            : value!;

    public DecryptionStatus TryDecrypt<T>(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, [MaybeNull] out T value) =>
        DecryptValue(ciphertext, context, null, out value);

    public string EncryptToText<T>(T value, in EncryptionContext context) => EncryptValue<T, TextForm, string>(value, context, null);

    public T DecryptText<T>(string ciphertext, in EncryptionContext context) =>
        TryDecryptText(ciphertext, context, out T? value) == DecryptionStatus.Erased
            ? throw Error.DataKeyErased(new FieldDecryptionDetails(context.Entity, context.Property, null, null))
            : value!;

    public DecryptionStatus TryDecryptText<T>(string ciphertext, in EncryptionContext context, [MaybeNull] out T value)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        // Ciphertext, not secret: a short one is decoded on the stack, a long one into a pooled buffer.
        var length = FieldCiphertext.MaxDecodedLength(ciphertext);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            if (!FieldCiphertext.TryDecode(ciphertext, buffer, out var written))
            {
                throw Error.NotTextCiphertext(new FieldDecryptionDetails(context.Entity, context.Property, null, null));
            }

            return DecryptValue(buffer[..written], context, null, out value);
        }
        finally
        {
            Release(rented);
        }
    }

    public async ValueTask<byte[]> EncryptAsync<T>(T value, EncryptionContext context, CancellationToken cancellationToken = default)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var key = await _keys.GetCurrentKeyAsync(context.Scope, cancellationToken).ConfigureAwait(false);
        return EncryptValue<T, BinaryForm, byte[]>(value, context, key);
    }

    public async ValueTask<T> DecryptAsync<T>(ReadOnlyMemory<byte> ciphertext, EncryptionContext context, CancellationToken cancellationToken = default)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        KeyLookup? found = null;
        if (CiphertextLayout.TryReadKey(ciphertext.Span, out var id) && id.VersionOrNull is not null)
        {
            found = await _keys.GetKeyAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return DecryptValue(ciphertext.Span, context, found, out T? value) == DecryptionStatus.Erased
            ? throw Error.DataKeyErased(Details(context, ciphertext.Span))
            : value!;
    }

    public ValueTask PreloadScopesAsync(IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var missing = new List<string>();
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal))
        {
            EncryptionScope.Validate(scope, nameof(scopes));
            if (!_keys.HasCurrentKey(scope))
            {
                missing.Add(scope);
            }
        }

        // Completes at once when every key is cached (the common save), and runs one load without the parallel loop.
        return missing.Count switch
        {
            0 => cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled(cancellationToken) : ValueTask.CompletedTask,
            1 => LoadOneAsync(missing[0], cancellationToken),
            _ => new(Parallel.ForEachAsync(missing, Parallelism(cancellationToken), async (scope, token) =>
                await _keys.GetCurrentKeyAsync(scope, token).ConfigureAwait(false))),
        };
    }

    public async ValueTask PreloadKeysAsync(IEnumerable<DataKeyReference> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = new HashSet<DataKeyId>();
        foreach (var key in keys)
        {
            if (DataKeyId.TryParse(key.KeyId, key.Version, out var id))
            {
                ids.Add(id);
            }
        }

        await Parallel.ForEachAsync(ids, Parallelism(cancellationToken), async (id, token) =>
            await _keys.GetKeyAsync(id, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async ValueTask LoadOneAsync(string scope, CancellationToken cancellationToken) =>
        await _keys.GetCurrentKeyAsync(scope, cancellationToken).ConfigureAwait(false);

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };

    private static FieldDecryptionDetails Details(in EncryptionContext context, DataKeyId id) =>
        new(context.Entity, context.Property, id.KeyIdText, id.VersionOrNull);

    private static FieldDecryptionDetails Details(in EncryptionContext context, ReadOnlySpan<byte> ciphertext) =>
        CiphertextLayout.TryReadKey(ciphertext, out var id)
            ? new(context.Entity, context.Property, id.KeyIdText, id.VersionOrNull)
            : new(context.Entity, context.Property, null, null);
}
