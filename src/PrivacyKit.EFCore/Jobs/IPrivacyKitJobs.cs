namespace PrivacyKit.EFCore.Jobs;

/// <summary>
/// The maintenance jobs over the application's DbContext and PrivacyKit's data keys. Every job works in batches that
/// each commit on their own, and is resumable: what is committed stays done and is recognised from the data itself,
/// so after a crash or cancellation run the same job again. Every job has a dry-run mode and reports progress through
/// <see cref="IProgress{T}"/> and log lines. Rows are changed with compare-and-set statements, so jobs may run while
/// the application writes and on several instances at once without losing or double-encrypting a value.
/// Registered by <see cref="EntityFrameworkPrivacyKitBuilderExtensions.AddEntityFrameworkJobs{TContext}(IPrivacyKitBuilder)"/>.
/// </summary>
/// <remarks>
/// Thread-safe (a singleton); each run uses its own contexts. Cancellation stops a run between statements, rolling back
/// the current batch. Key failures throw <see cref="Keys.KeyManagementException"/>, malformed ciphertext the
/// <see cref="PrivacyKit.Encryption.FieldDecryptionException"/> subclass that says why, database failures the provider's exceptions;
/// a model the jobs cannot process (a composite primary key on an entity with encrypted properties) gives
/// <see cref="InvalidOperationException"/> naming the entity.
/// </remarks>
public interface IPrivacyKitJobs
{
    /// <summary>
    /// Encrypts in place the values of encrypted properties still stored in plaintext: the retrofit of an existing
    /// database after the attributes and the migration that widens the columns. Values already in PrivacyKit's
    /// ciphertext format and <c>NULL</c>s are left as they are.
    /// </summary>
    /// <param name="options">The run's options; the defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress after each batch; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; the current batch is rolled back.</param>
    /// <returns>The run's counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PrivacyKitJobOptions.BatchSize"/> is out of range.</exception>
    Task<PrivacyKitJobResult> EncryptExistingAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-encrypts the values whose data key has a newer version (after <see cref="Keys.IDataKeyManager.RotateDataKeyAsync"/>),
    /// so the older versions can be retired. Values under the newest version, of shredded scopes, and plaintext are left alone.
    /// </summary>
    /// <param name="options">The run's options; the defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress after each batch; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; the current batch is rolled back.</param>
    /// <returns>The run's counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PrivacyKitJobOptions.BatchSize"/> is out of range.</exception>
    Task<PrivacyKitJobResult> ReencryptAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-wraps every live data key not yet wrapped by the current key-encryption key (after a KEK rotation), each with a
    /// compare-and-swap in the data-key store. No data is touched. Recorded as a key-operation audit event.
    /// </summary>
    /// <param name="options">The run's options; the defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress after each batch of keys; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between keys.</param>
    /// <returns>The run's counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PrivacyKitJobOptions.BatchSize"/> is out of range.</exception>
    Task<PrivacyKitJobResult> RewrapKeysAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Crypto-shreds a data subject's data key (every version) through <see cref="Keys.IDataKeyManager.ShredAsync"/>:
    /// their encrypted values become unreadable everywhere, at once on this instance and within the key-cache lifetime
    /// on others; new writes for the subject are refused. Blind indexes are not covered: erasure clears them.
    /// </summary>
    /// <param name="subjectId">The data subject's id, formatted as PrivacyKit formats subject ids (GUIDs in "D" form).</param>
    /// <param name="options">The run's options (only <see cref="PrivacyKitJobOptions.DryRun"/> applies); the defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress once; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The run's counts: the key versions examined and shredded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    Task<PrivacyKitJobResult> ShredSubjectAsync(string subjectId, PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default);
}
