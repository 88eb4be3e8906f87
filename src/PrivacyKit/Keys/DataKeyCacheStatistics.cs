namespace PrivacyKit.Keys;

/// <summary>Counters of the unwrapped data-key cache of one instance since it started.</summary>
/// <param name="Count">The number of unwrapped keys cached now.</param>
/// <param name="Misses">The number of lookups that had to read the data-key store.</param>
/// <param name="Unwraps">The number of calls to <see cref="IKeyEncryptionKey.UnwrapKeyAsync"/> (the KMS budget).</param>
/// <param name="Wraps">The number of calls to <see cref="IKeyEncryptionKey.WrapKeyAsync"/>.</param>
/// <param name="Evictions">The number of keys evicted (expired, over capacity or shredded) and zeroed.</param>
public readonly record struct DataKeyCacheStatistics(int Count, long Misses, long Unwraps, long Wraps, long Evictions);
