namespace PrivacyKit.Consent;

/// <summary>
/// Records consent events and answers consent checks. Every change is appended to the
/// <see cref="IConsentStore"/> (nothing is overwritten) and recorded in the audit trail as
/// <see cref="Audit.AuditEventKind.ConsentChanged"/>; decisions are cached per instance for
/// <see cref="ConsentOptions.DecisionCacheLifetime"/> and dropped at once on the instance that made a change.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. They throw <see cref="ConsentException"/> for an unregistered
/// purpose, <see cref="Audit.AuditException"/> when a change could not be audited (the change is
/// stored), and pass on store failures. Messages never contain personal values.
/// </remarks>
public interface IConsentService
{
    /// <summary>Gets the registered purposes, in registration order.</summary>
    IReadOnlyList<ConsentPurpose> Purposes { get; }

    /// <summary>Returns a registered purpose.</summary>
    /// <param name="purposeId">The purpose id.</param>
    /// <returns>The purpose.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purposeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConsentException">No purpose has that id.</exception>
    ConsentPurpose GetPurpose(string purposeId);

    /// <summary>Decides whether a subject's data may be used for a purpose now, and why.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="purposeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConsentException">The purpose is not registered.</exception>
    ValueTask<ConsentDecision> CheckAsync(string subjectId, string purposeId, CancellationToken cancellationToken = default);

    /// <summary>Records that the subject consented to a purpose under its current policy version.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <param name="source">How the consent reached the application.</param>
    /// <param name="proofReference">A reference to the proof kept elsewhere (never personal data), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The appended record; it lapses after <see cref="ConsentPurpose.ConsentLifetime"/>, if set.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="purposeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    /// <exception cref="ConsentException">The purpose is not registered.</exception>
    ValueTask<ConsentRecord> GrantAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default);

    /// <summary>Records that the subject withdrew consent to a purpose.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <param name="source">How the withdrawal reached the application.</param>
    /// <param name="proofReference">A reference to the proof kept elsewhere, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The appended record.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="purposeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    /// <exception cref="ConsentException">The purpose is not registered.</exception>
    ValueTask<ConsentRecord> WithdrawAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default);

    /// <summary>Records that the subject was asked and refused consent to a purpose.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <param name="source">How the refusal reached the application.</param>
    /// <param name="proofReference">A reference to the proof kept elsewhere, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The appended record.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> or <paramref name="purposeId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    /// <exception cref="ConsentException">The purpose is not registered.</exception>
    ValueTask<ConsentRecord> DenyAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opts the subject out of the sale or sharing of their data: every purpose with
    /// <see cref="ConsentPurpose.IsSaleOrSharing"/> is refused from now on. Idempotent: when the subject
    /// is already opted out nothing is recorded (a Global Privacy Control signal on every request is harmless).
    /// </summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="source">How the opt-out reached the application, e.g. <see cref="ConsentSource.GlobalPrivacyControl"/>.</param>
    /// <param name="proofReference">A reference to the proof kept elsewhere, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the opt-out was recorded now; <see langword="false"/> if the subject was already opted out.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    ValueTask<bool> OptOutOfSaleOrSharingAsync(string subjectId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an earlier opt-out of sale or sharing. Idempotent: nothing is recorded when the subject is not opted out.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="source">How the request reached the application.</param>
    /// <param name="proofReference">A reference to the proof kept elsewhere, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the opt-in was recorded now; <see langword="false"/> if the subject was not opted out.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    ValueTask<bool> OptInToSaleOrSharingAsync(string subjectId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a consent record made elsewhere (an import from another system, a backfill, a lapse
    /// recorded by a job), keeping its time, policy version and source. It is audited like any change.
    /// </summary>
    /// <param name="record">The record. Purpose events (granted, withdrawn, denied, expired) name a registered purpose; sale-or-sharing events name none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is stored and audited.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record has no id or subject, or its purpose does not fit its kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The record's kind or source is not defined.</exception>
    /// <exception cref="ConsentException">The record names a purpose that is not registered.</exception>
    /// <exception cref="InvalidOperationException">A record with the same id exists.</exception>
    ValueTask ImportAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Returns whether the subject has opted out of the sale or sharing of their data.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the subject's last word on sale or sharing is an opt-out.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    ValueTask<bool> IsOptedOutOfSaleOrSharingAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Gets the subject's consent history, in append order.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>Issues a consent receipt for the subject: what they agreed to, when, which text.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    ValueTask<ConsentReceipt> GetReceiptAsync(string subjectId, CancellationToken cancellationToken = default);
}
