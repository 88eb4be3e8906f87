namespace PrivacyKit.EFCore.Jobs;

/// <summary>The maintenance jobs of <see cref="IPrivacyKitJobs"/>.</summary>
public enum PrivacyKitJob
{
    /// <summary>Encrypts, in place, values of encrypted properties still stored in plaintext (the retrofit of an existing database).</summary>
    EncryptExisting = 1,

    /// <summary>Re-encrypts values under the newest version of their data key (after a data-key rotation).</summary>
    Reencrypt = 2,

    /// <summary>Re-wraps every live data key under the current key-encryption key (after a KEK rotation); no data is touched.</summary>
    RewrapKeys = 3,

    /// <summary>Crypto-shreds a data subject's data key, so every value encrypted under it (backups included) is unreadable.</summary>
    ShredSubject = 4,
}
