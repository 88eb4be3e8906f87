using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>Sealing and opening ciphertexts, and typed values.</summary>
internal sealed partial class FieldEncryptor
{
    private byte[] EncryptValue<T>(T value, in EncryptionContext context, CachedDataKey? key)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var type = FieldValueCodec.TypeOf<T>();
        if (value is null)
        {
            return SealNew(FieldValueType.Null, [], context, key);
        }

        switch (type)
        {
            case FieldValueType.Bytes:
                return SealNew(type, (byte[])(object)value, context, key);
            case FieldValueType.String:
                return EncryptString((string)(object)value, context, key);
            default:
                Span<byte> payload = stackalloc byte[FieldValueCodec.MaxFixedSize];
                var length = FieldValueCodec.WriteFixed(value, type, payload);
                var result = SealNew(type, payload[..length], context, key);
                CryptographicOperations.ZeroMemory(payload);
                return result;
        }
    }

    private byte[] EncryptString(string value, in EncryptionContext context, CachedDataKey? key)
    {
        using var utf8 = PooledUtf8.Encode(value, nameof(value));
        return SealNew(FieldValueType.String, utf8.Bytes, context, key);
    }

    private byte[] SealNew(FieldValueType type, ReadOnlySpan<byte> payload, in EncryptionContext context, CachedDataKey? key)
    {
        var result = new byte[payload.Length + CiphertextLayout.Overhead];
        Seal(type, payload, context, result, key);
        return result;
    }

    /// <summary>Writes header, nonce, ciphertext and tag into <paramref name="destination"/> (exactly the ciphertext length).</summary>
    private void Seal(FieldValueType type, ReadOnlySpan<byte> payload, in EncryptionContext context, Span<byte> destination, CachedDataKey? key)
    {
        Span<byte> stack = stackalloc byte[StackLimit];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            key ??= _keys.GetCurrentKey(context.Scope);
            var aes = key.Rent();
            if (aes is null)
            {
                // Evicted between lookup and use: look it up again.
                key = null;
                continue;
            }

            try
            {
                CiphertextLayout.WriteHeader(destination, type, key.Id, context.Check);
                var nonce = destination.Slice(CiphertextLayout.NonceOffset, CiphertextLayout.NonceSize);
                NonceGenerator.Fill(nonce);
                var associatedData = BuildAssociatedData(destination, context, stack, out var rented);
                try
                {
                    aes.Encrypt(nonce, payload, destination.Slice(CiphertextLayout.HeaderSize, payload.Length), destination[^CiphertextLayout.TagSize..], associatedData);
                }
                finally
                {
                    if (rented is not null)
                    {
                        ArrayPool<byte>.Shared.Return(rented);
                    }
                }

                return;
            }
            catch
            {
                destination.Clear();
                throw;
            }
            finally
            {
                key.Return(aes);
            }
        }

        throw Error.KeyCreationContention(null);
    }

    /// <summary>
    /// Checks the header, finds the key, compares the context check and authenticates and decrypts the
    /// payload into <paramref name="destination"/>. Throws for everything but a shredded key.
    /// </summary>
    private DecryptionStatus Open(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, Span<byte> destination, KeyLookup? found, out FieldValueType type)
    {
        type = default;
        if (ciphertext.Length == 0)
        {
            throw Error.CiphertextTruncated(new(context.Entity, context.Property, null, null));
        }

        if (ciphertext[CiphertextLayout.VersionOffset] != CiphertextLayout.FormatVersion)
        {
            throw Error.CiphertextVersion(ciphertext[CiphertextLayout.VersionOffset], new(context.Entity, context.Property, null, null));
        }

        if (ciphertext.Length > CiphertextLayout.AlgorithmOffset && ciphertext[CiphertextLayout.AlgorithmOffset] != CiphertextLayout.AlgorithmAes256Gcm)
        {
            throw Error.CiphertextAlgorithm(ciphertext[CiphertextLayout.AlgorithmOffset], new(context.Entity, context.Property, null, null));
        }

        if (ciphertext.Length < CiphertextLayout.Overhead)
        {
            throw Error.CiphertextTruncated(new(context.Entity, context.Property, null, null));
        }

        var id = CiphertextLayout.ReadKey(ciphertext);
        Span<byte> stack = stackalloc byte[StackLimit];
        CachedDataKey? key = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (key is null)
            {
                // An asynchronous caller has looked the key up already; a retry after an eviction looks again.
                var lookup = found ?? (id.VersionOrNull is null ? KeyLookup.NotFound : _keys.GetKey(id));
                found = null;
                if (lookup.Erased)
                {
                    return DecryptionStatus.Erased;
                }

                key = lookup.Key ?? throw Error.DataKeyNotFound(Details(context, id));
            }

            if (CiphertextLayout.ReadCheck(ciphertext) != context.Check)
            {
                throw Error.ContextMismatch(Details(context, id));
            }

            var aes = key.Rent();
            if (aes is null)
            {
                key = null;
                continue;
            }

            var associatedData = BuildAssociatedData(ciphertext, context, stack, out var rented);
            var length = ciphertext.Length - CiphertextLayout.Overhead;
            try
            {
                aes.Decrypt(
                    ciphertext.Slice(CiphertextLayout.NonceOffset, CiphertextLayout.NonceSize),
                    ciphertext.Slice(CiphertextLayout.HeaderSize, length),
                    ciphertext[^CiphertextLayout.TagSize..],
                    destination[..length],
                    associatedData);
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw Error.CiphertextTampered(Details(context, id), e);
            }
            finally
            {
                key.Return(aes);
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }

            type = (FieldValueType)ciphertext[CiphertextLayout.ValueTypeOffset];
            return DecryptionStatus.Success;
        }

        throw Error.KeyCreationContention(id.KeyIdText);
    }

    private DecryptionStatus DecryptValue<T>(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, KeyLookup? found, [MaybeNull] out T value)
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var expected = FieldValueCodec.TypeOf<T>();
        var length = Math.Max(0, ciphertext.Length - CiphertextLayout.Overhead);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        buffer = buffer[..length];
        try
        {
            if (Open(ciphertext, context, buffer, found, out var stored) == DecryptionStatus.Erased)
            {
                value = default;
                return DecryptionStatus.Erased;
            }

            value = Materialize<T>(stored, expected, buffer, context, ciphertext);
            return DecryptionStatus.Success;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static T Materialize<T>(FieldValueType stored, FieldValueType expected, ReadOnlySpan<byte> payload, in EncryptionContext context, ReadOnlySpan<byte> ciphertext)
    {
        if (stored == FieldValueType.Null)
        {
            return default(T) is null ? default! : throw Error.WrongValueType("null", typeof(T), Details(context, ciphertext));
        }

        if (stored != expected)
        {
            throw Error.WrongValueType(stored.ToString(), typeof(T), Details(context, ciphertext));
        }

        switch (stored)
        {
            case FieldValueType.Bytes:
                return (T)(object)payload.ToArray();
            case FieldValueType.String:
                try
                {
                    return (T)(object)PooledUtf8.Strict.GetString(payload);
                }
                catch (System.Text.DecoderFallbackException)
                {
                    throw Error.MalformedPayload(Details(context, ciphertext));
                }

            default:
                return FieldValueCodec.TryReadFixed(stored, payload, out T value) ? value : throw Error.MalformedPayload(Details(context, ciphertext));
        }
    }

    /// <summary>The associated data: the authenticated header (everything before the nonce) followed by the encoded context.</summary>
    private static ReadOnlySpan<byte> BuildAssociatedData(ReadOnlySpan<byte> header, in EncryptionContext context, Span<byte> stack, out byte[]? rented)
    {
        var encoded = context.Encoded;
        var length = CiphertextLayout.AuthenticatedHeaderSize + encoded.Length;
        rented = null;
        var buffer = length <= stack.Length ? stack[..length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        header[..CiphertextLayout.AuthenticatedHeaderSize].CopyTo(buffer);
        encoded.CopyTo(buffer[CiphertextLayout.AuthenticatedHeaderSize..]);
        return buffer;
    }
}
