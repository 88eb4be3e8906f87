using System.Diagnostics.CodeAnalysis;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>
/// Encrypts and decrypts field values with AES-256-GCM under the data key of their scope, binding each
/// value to its <see cref="EncryptionContext"/>. Supported value types: <see cref="string"/>,
/// <see cref="byte"/>[], <see cref="bool"/>, every integer type (8 to 128 bits), <see cref="decimal"/>,
/// <see cref="double"/>, <see cref="Guid"/>, <see cref="DateTime"/> (kind kept), <see cref="DateTimeOffset"/>
/// (offset kept), <see cref="DateOnly"/>, their nullable forms and <see langword="null"/> (which is encrypted
/// too, so a column does not reveal which values are missing beyond the header's value type).
/// </summary>
/// <remarks>
/// <para>Thread-safe (a singleton). The span methods allocate nothing but what they return.</para>
/// <para>
/// The synchronous methods use the cached data key; on a cache miss they block the calling thread on the
/// data-key store and the KMS unwrap (EF Core's materialisation is synchronous). Call
/// <see cref="PreloadScopesAsync"/> or <see cref="PreloadKeysAsync"/> before a synchronous batch to avoid that,
/// or use the asynchronous methods.
/// </para>
/// <para>
/// Decryption failures throw a subclass of <see cref="FieldDecryptionException"/> naming the class of problem;
/// KMS failures throw <see cref="KeyManagementException"/>; encrypting for a shredded scope throws
/// <see cref="FieldEncryptionException"/>. A failed encryption never yields a partial value.
/// </para>
/// </remarks>
public interface IFieldEncryptor
{
    /// <summary>Gets the length of the ciphertext of a plaintext of <paramref name="plaintextLength"/> bytes (plaintext + 45).</summary>
    /// <param name="plaintextLength">The plaintext length in bytes.</param>
    /// <returns>The ciphertext length in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plaintextLength"/> is negative or too large.</exception>
    int GetEncryptedLength(int plaintextLength);

    /// <summary>Encrypts bytes into <paramref name="destination"/> (synchronous; may block on a cache miss).</summary>
    /// <param name="plaintext">The bytes to encrypt.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <param name="destination">Receives the ciphertext; must not overlap <paramref name="plaintext"/>.</param>
    /// <param name="bytesWritten">The ciphertext length, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is shorter than <see cref="GetEncryptedLength"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value or the buffers overlap.</exception>
    /// <exception cref="KeyManagementException">The data key could not be created or unwrapped.</exception>
    /// <exception cref="FieldEncryptionException">The scope was crypto-shredded.</exception>
    bool TryEncrypt(ReadOnlySpan<byte> plaintext, in EncryptionContext context, Span<byte> destination, out int bytesWritten);

    /// <summary>Decrypts bytes encrypted by <see cref="TryEncrypt"/> into <paramref name="destination"/> (synchronous; may block on a cache miss).</summary>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="context">Where the value belongs; must equal the context it was encrypted with.</param>
    /// <param name="destination">Receives the plaintext: at least <c>ciphertext.Length - 45</c> bytes.</param>
    /// <returns>The plaintext length.</returns>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value or <paramref name="destination"/> is too small.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted; the subclass says why.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    int Decrypt(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, Span<byte> destination);

    /// <summary>Encrypts a typed value (synchronous; may block on a cache miss).</summary>
    /// <typeparam name="T">A supported value type.</typeparam>
    /// <param name="value">The value, possibly <see langword="null"/>.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <returns>The ciphertext.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value or a string is not well-formed UTF-16.</exception>
    /// <exception cref="KeyManagementException">The data key could not be created or unwrapped.</exception>
    /// <exception cref="FieldEncryptionException">The scope was crypto-shredded.</exception>
    byte[] Encrypt<T>(T value, in EncryptionContext context);

    /// <summary>Decrypts a typed value (synchronous; may block on a cache miss).</summary>
    /// <typeparam name="T">The type the value was encrypted as (or its nullable form).</typeparam>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <returns>The value.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted; the subclass says why.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    T Decrypt<T>(ReadOnlySpan<byte> ciphertext, in EncryptionContext context);

    /// <summary>Decrypts a typed value, reporting a crypto-shredded key as <see cref="DecryptionStatus.Erased"/> instead of throwing.</summary>
    /// <typeparam name="T">The type the value was encrypted as.</typeparam>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <param name="value">The value, or <see langword="default"/> when erased.</param>
    /// <returns>Whether the value was decrypted or is erased.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted for another reason than erasure.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    DecryptionStatus TryDecrypt<T>(ReadOnlySpan<byte> ciphertext, in EncryptionContext context, [MaybeNull] out T value);

    /// <summary>Encrypts a typed value into the text form <c>pk1:</c> + base64, for string columns.</summary>
    /// <typeparam name="T">A supported value type.</typeparam>
    /// <param name="value">The value, possibly <see langword="null"/>.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <returns>The text ciphertext.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value or a string is not well-formed UTF-16.</exception>
    /// <exception cref="KeyManagementException">The data key could not be created or unwrapped.</exception>
    /// <exception cref="FieldEncryptionException">The scope was crypto-shredded.</exception>
    string EncryptToText<T>(T value, in EncryptionContext context);

    /// <summary>Decrypts a text ciphertext made by <see cref="EncryptToText{T}"/>.</summary>
    /// <typeparam name="T">The type the value was encrypted as.</typeparam>
    /// <param name="ciphertext">The text ciphertext.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphertext"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted; <see cref="InvalidCiphertextException"/> when it is not a text ciphertext.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    T DecryptText<T>(string ciphertext, in EncryptionContext context);

    /// <summary>Decrypts a text ciphertext, reporting a crypto-shredded key as <see cref="DecryptionStatus.Erased"/>.</summary>
    /// <typeparam name="T">The type the value was encrypted as.</typeparam>
    /// <param name="ciphertext">The text ciphertext.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <param name="value">The value, or <see langword="default"/> when erased.</param>
    /// <returns>Whether the value was decrypted or is erased.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphertext"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted for another reason than erasure.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    DecryptionStatus TryDecryptText<T>(string ciphertext, in EncryptionContext context, [MaybeNull] out T value);

    /// <summary>Encrypts a typed value, awaiting the data key instead of blocking on a cache miss.</summary>
    /// <typeparam name="T">A supported value type.</typeparam>
    /// <param name="value">The value, possibly <see langword="null"/>.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <param name="cancellationToken">Cancels waiting for the key.</param>
    /// <returns>The ciphertext.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value or a string is not well-formed UTF-16.</exception>
    /// <exception cref="KeyManagementException">The data key could not be created or unwrapped.</exception>
    /// <exception cref="FieldEncryptionException">The scope was crypto-shredded.</exception>
    ValueTask<byte[]> EncryptAsync<T>(T value, EncryptionContext context, CancellationToken cancellationToken = default);

    /// <summary>Decrypts a typed value, awaiting the data key instead of blocking on a cache miss.</summary>
    /// <typeparam name="T">The type the value was encrypted as.</typeparam>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="context">Where the value belongs.</param>
    /// <param name="cancellationToken">Cancels waiting for the key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not supported.</exception>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    /// <exception cref="FieldDecryptionException">The value cannot be decrypted; the subclass says why.</exception>
    /// <exception cref="KeyManagementException">The data key could not be unwrapped.</exception>
    ValueTask<T> DecryptAsync<T>(ReadOnlyMemory<byte> ciphertext, EncryptionContext context, CancellationToken cancellationToken = default);

    /// <summary>Makes sure the current data keys of <paramref name="scopes"/> exist and are cached (creating missing ones), so synchronous writes do not block.</summary>
    /// <param name="scopes">The scopes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every key is cached (unless the cache is smaller than the set).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scopes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A scope is empty, too long or reserved.</exception>
    /// <exception cref="KeyManagementException">A data key could not be created or unwrapped.</exception>
    /// <exception cref="FieldEncryptionException">A scope was crypto-shredded.</exception>
    ValueTask PreloadScopesAsync(IEnumerable<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes sure the data keys named by ciphertext headers are cached (see <see cref="FieldCiphertext.TryGetKeyReference(ReadOnlySpan{byte}, out DataKeyReference)"/>),
    /// so synchronous reads do not block. Unknown and shredded keys are skipped: decrypting their values reports them.
    /// </summary>
    /// <param name="keys">The key references.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when every key is cached (unless the cache is smaller than the set).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyManagementException">A data key could not be unwrapped.</exception>
    ValueTask PreloadKeysAsync(IEnumerable<DataKeyReference> keys, CancellationToken cancellationToken = default);
}
