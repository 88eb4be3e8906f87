namespace PrivacyKit.Keys;

/// <summary>The counts of one re-wrap run (<see cref="IDataKeyManager.RewrapAllAsync"/>).</summary>
/// <param name="KeyEncryptionKeyId">The key-encryption key the keys are now wrapped by.</param>
/// <param name="Examined">The number of stored key versions looked at.</param>
/// <param name="Rewrapped">The number re-wrapped by this run.</param>
/// <param name="AlreadyCurrent">The number already wrapped by the current key-encryption key (or re-wrapped concurrently).</param>
/// <param name="Shredded">The number of shredded tombstones skipped.</param>
public readonly record struct KeyRewrapResult(string KeyEncryptionKeyId, int Examined, int Rewrapped, int AlreadyCurrent, int Shredded);
