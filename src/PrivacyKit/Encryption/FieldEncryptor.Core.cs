using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>Sealing and opening ciphertexts, and typed values.</summary>
internal sealed partial class FieldEncryptor
{
    /// <summary>Encodes a typed value and seals it into what <typeparamref name="TForm"/> makes of it (an array or text).</summary>
    private TResult EncryptValue<T, TForm, TResult>(T value, in EncryptionContext context, CachedDataKey? key)
        where TForm : struct, ICiphertextForm<TResult>
    {
        EncryptionContext.ThrowIfDefault(context, nameof(context));
        var type = FieldValueCodec.TypeOf<T>();
        if (value is null)
        {
            return SealNew<TForm, TResult>(FieldValueType.Null, [], context, key);
        }

        switch (type)
        {
            case FieldValueType.Bytes:
                return SealNew<TForm, TResult>(type, (byte[])(object)value, context, key);
            case FieldValueType.String:
                using (var utf8 = PooledUtf8.Encode((string)(object)value, nameof(value)))
                {
                    return SealNew<TForm, TResult>(FieldValueType.String, utf8.Bytes, context, key);
                }

            default:
                Span<byte> payload = stackalloc byte[FieldValueCodec.MaxFixedSize];
                var length = FieldValueCodec.WriteFixed(value, type, payload);
                var result = SealNew<TForm, TResult>(type, payload[..length], context, key);
                CryptographicOperations.ZeroMemory(payload);
                return result;
        }
    }

    private TResult SealNew<TForm, TResult>(FieldValueType type, ReadOnlySpan<byte> payload, in EncryptionContext context, CachedDataKey? key)
        where TForm : struct, ICiphertextForm<TResult>
    {
        var length = payload.Length + CiphertextLayout.Overhead;
        if (TForm.IsText && length <= StackLimit)
        {
            // Seal on the stack and encode from there: the text is the only allocation.
            Span<byte> sealedOnStack = stackalloc byte[length];
            Seal(type, payload, context, sealedOnStack, key);
            return TForm.From(sealedOnStack);
        }

        var result = new byte[length];
        Seal(type, payload, context, result, key);
        return TForm.From(result);
    }

    /// <summary>What a sealed ciphertext becomes: the binary form (the sealed array itself) or the <c>pk1:</c> text form.</summary>
    private interface ICiphertextForm<TResult>
    {
        static abstract bool IsText { get; }

        static abstract TResult From(byte[] sealedCiphertext);

        static abstract TResult From(ReadOnlySpan<byte> sealedCiphertext);
    }

    private readonly struct BinaryForm : ICiphertextForm<byte[]>
    {
        public static bool IsText => false;

        public static byte[] From(byte[] sealedCiphertext) => sealedCiphertext;

        public static byte[] From(ReadOnlySpan<byte> sealedCiphertext) => sealedCiphertext.ToArray();
    }

    private readonly struct TextForm : ICiphertextForm<string>
    {
        public static bool IsText => true;

        public static string From(byte[] sealedCiphertext) => FieldCiphertext.ToText(sealedCiphertext);

        public static string From(ReadOnlySpan<byte> sealedCiphertext) => FieldCiphertext.ToText(sealedCiphertext);
    }

    /// <summary>Writes header, nonce, ciphertext and tag into <paramref name="destination"/> (exactly the ciphertext length).</summary>
    private void Seal(FieldValueType type, ReadOnlySpan<byte> payload, in EncryptionContext context, Span<byte> destination, CachedDataKey? key)
    {
        var length = AssociatedDataLength(context);
        byte[]? rented = null;
        var associatedData = EncodeAssociatedData(context, length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)));
        try
        {
            var check = EncryptionContext.ComputeCheck(associatedData[CiphertextLayout.AuthenticatedHeaderSize..]);
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
                    CiphertextLayout.WriteHeader(destination, type, key.Id, check);
                    destination[..CiphertextLayout.AuthenticatedHeaderSize].CopyTo(associatedData);
                    var nonce = destination.Slice(CiphertextLayout.NonceOffset, CiphertextLayout.NonceSize);
                    NonceGenerator.Fill(nonce);
                    aes.Encrypt(nonce, payload, destination.Slice(CiphertextLayout.HeaderSize, payload.Length), destination[^CiphertextLayout.TagSize..], associatedData);
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
        finally
        {
            Release(rented);
        }
    }

    /// <summary>
    /// Checks the header, finds the key, authenticates and decrypts the payload into <paramref name="destination"/>;
    /// when the tag fails, the context check in the header tells a value of another context from an altered one.
    /// Throws for everything but a shredded key.
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
        var associatedDataLength = AssociatedDataLength(context);
        byte[]? rented = null;
        var associatedData = EncodeAssociatedData(context, associatedDataLength <= StackLimit ? stackalloc byte[associatedDataLength] : (rented = ArrayPool<byte>.Shared.Rent(associatedDataLength)));
        ciphertext[..CiphertextLayout.AuthenticatedHeaderSize].CopyTo(associatedData);
        try
        {
            return Authenticate(ciphertext, context, destination, found, id, associatedData, out type);
        }
        finally
        {
            Release(rented);
        }
    }

    /// <summary>Finds the key (again after an eviction) and authenticates and decrypts with the associated data built once.</summary>
    private DecryptionStatus Authenticate(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, Span<byte> destination, KeyLookup? found, DataKeyId id, ReadOnlySpan<byte> associatedData, out FieldValueType type)
    {
        type = default;
        var length = ciphertext.Length - CiphertextLayout.Overhead;
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

            var aes = key.Rent();
            if (aes is null)
            {
                key = null;
                continue;
            }

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
                throw CiphertextLayout.ReadCheck(ciphertext) != EncryptionContext.ComputeCheck(associatedData[CiphertextLayout.AuthenticatedHeaderSize..])
                    ? Error.ContextMismatch(Details(context, id))
                    : Error.CiphertextTampered(Details(context, id), e);
            }
            finally
            {
                key.Return(aes);
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
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
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
            Release(rented);
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

    /// <summary>The most bytes of the associated data: the authenticated header (everything before the nonce) and the encoded context.</summary>
    private static int AssociatedDataLength(in EncryptionContext context) => CiphertextLayout.AuthenticatedHeaderSize + context.MaxEncodedLength;

    /// <summary>Encodes the context after room for the authenticated header (which the caller writes) and returns the associated data.</summary>
    private static Span<byte> EncodeAssociatedData(in EncryptionContext context, Span<byte> buffer) =>
        buffer[..(CiphertextLayout.AuthenticatedHeaderSize + context.Encode(buffer[CiphertextLayout.AuthenticatedHeaderSize..]))];

    private static void Release(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
