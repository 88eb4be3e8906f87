namespace PrivacyKit.Keys;

/// <summary>
/// A key-encryption key (KEK): wraps and unwraps data keys. The key material may never leave its
/// key management system (Azure Key Vault, an HSM); PrivacyKit only ever stores data keys wrapped
/// by it.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. A KEK may be rotated: <see cref="KeyId"/> names the version
/// that wraps new data keys, and <see cref="UnwrapKeyAsync"/> must accept keys wrapped by any
/// earlier version it still holds, as recorded in <see cref="WrappedKey.KeyEncryptionKeyId"/>.
/// Failures of the key management system surface as <see cref="KeyManagementException"/>;
/// implementations never return partial or unverified key material.
/// </remarks>
public interface IKeyEncryptionKey
{
    /// <summary>Gets the full identifier (including version) of the key that wraps new data keys.</summary>
    string KeyId { get; }

    /// <summary>Wraps (encrypts) a data key with the current version of this KEK.</summary>
    /// <param name="dataKey">The plaintext data key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The wrapped key, recording the KEK version and algorithm that wrapped it.</returns>
    /// <exception cref="KeyManagementException">The key management system failed or refused.</exception>
    ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default);

    /// <summary>Unwraps (decrypts) a data key wrapped by this KEK or an earlier version of it.</summary>
    /// <param name="wrappedKey">The wrapped key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The plaintext data key. The caller owns the array and zeroes it when done.</returns>
    /// <exception cref="KeyManagementException">
    /// The key management system failed, does not hold the KEK version named in the wrapped key,
    /// or the wrapped key does not authenticate.
    /// </exception>
    ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default);
}
