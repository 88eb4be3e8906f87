using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault;

/// <summary>
/// Azure Key Vault or Managed HSM failed or refused an operation on a key-encryption key, or answered with
/// a response that is not valid. The message says what to fix; <see cref="Status"/>, <see cref="ErrorCode"/>
/// and <see cref="RequestId"/> identify the call for the vault's logs and for support.
/// </summary>
public sealed class KeyVaultException : KeyManagementException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public KeyVaultException()
        : base("An Azure Key Vault operation failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public KeyVaultException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public KeyVaultException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance describing a vault response.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="keyId">The identifier of the key-encryption key involved.</param>
    /// <param name="status">The HTTP status of the vault's response, or 0 when no response was received.</param>
    /// <param name="errorCode">The vault's error code, when it sent one.</param>
    /// <param name="requestId">The vault's request id (<c>x-ms-request-id</c>), when it sent one.</param>
    /// <param name="innerException">The cause.</param>
    public KeyVaultException(string message, string? keyId, int status, string? errorCode, string? requestId, Exception? innerException = null)
        : base(message, keyId, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status of the vault's response, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>Gets the vault's error code (for example <c>Forbidden</c> or <c>KeyNotFound</c>), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the vault's request id (<c>x-ms-request-id</c>), when it sent one.</summary>
    public string? RequestId { get; }
}
