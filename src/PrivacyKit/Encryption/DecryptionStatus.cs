namespace PrivacyKit.Encryption;

/// <summary>The outcome of an opt-in decryption that reports erased values instead of throwing.</summary>
public enum DecryptionStatus
{
    /// <summary>The value was decrypted.</summary>
    Success = 0,

    /// <summary>The value's data key was crypto-shredded: the value is erased for good.</summary>
    Erased = 1,
}
