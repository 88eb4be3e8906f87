using PrivacyKit.Context;

namespace PrivacyKit.Retention;

/// <summary>
/// Places and releases legal holds on a data subject's data, validating the input, writing through the
/// <see cref="ILegalHoldStore"/> and recording each change in the audit trail as
/// <see cref="Audit.AuditEventKind.Retention"/> (identifiers, the reason and the case reference; no personal values).
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. They throw <see cref="ArgumentException"/> for bad input (including a
/// reason or case reference that looks personal: the subject's id, an e-mail address, a long number),
/// <see cref="Audit.AuditException"/> when a change was stored but could not be audited, and pass on store
/// failures. Messages never contain personal values.
/// </remarks>
public interface ILegalHoldService
{
    /// <summary>Places a hold on a subject's data; retention and erasure keep what it covers until it is released.</summary>
    /// <param name="subjectId">The data subject whose data is held.</param>
    /// <param name="reason">Why the data is held, without personal values (e.g. <c>pending litigation</c>); at most 500 characters.</param>
    /// <param name="caseReference">The case or matter reference, e.g. <c>2026-CV-0117</c>; at most 100 characters.</param>
    /// <param name="placedBy">Who places the hold.</param>
    /// <param name="entityTypes">The entity types held; <see langword="null"/> or empty holds every entity of the subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored hold. Its <see cref="LegalHold.Reason"/> reads <c>{reason} (case {caseReference})</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/>, <paramref name="reason"/>, <paramref name="caseReference"/> or <paramref name="placedBy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="subjectId"/>, <paramref name="reason"/> or <paramref name="caseReference"/> is empty, too long or looks personal,
    /// or <paramref name="entityTypes"/> holds an empty name.
    /// </exception>
    /// <exception cref="Audit.AuditException">The hold was stored but could not be audited.</exception>
    ValueTask<LegalHold> PlaceAsync(
        string subjectId,
        string reason,
        string caseReference,
        PrivacyActor placedBy,
        IReadOnlyList<string>? entityTypes = null,
        CancellationToken cancellationToken = default);

    /// <summary>Releases an active hold on a subject's data.</summary>
    /// <param name="subjectId">The data subject the hold is on; a hold on another subject is never released.</param>
    /// <param name="holdId">The hold's id.</param>
    /// <param name="reason">Why the hold ends, without personal values (e.g. <c>case closed</c>); at most 500 characters.</param>
    /// <param name="releasedBy">Who releases the hold.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the hold was released now; <see langword="false"/> when the subject has no active hold
    /// with that id (already released, unknown, or on another subject). Only a release is audited.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/>, <paramref name="holdId"/>, <paramref name="reason"/> or <paramref name="releasedBy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/>, <paramref name="holdId"/> or <paramref name="reason"/> is empty, too long or looks personal.</exception>
    /// <exception cref="Audit.AuditException">The release was stored but could not be audited.</exception>
    ValueTask<bool> ReleaseAsync(
        string subjectId,
        string holdId,
        string reason,
        PrivacyActor releasedBy,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the active holds on a subject's data.</summary>
    /// <param name="subjectId">The data subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active holds; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is empty.</exception>
    ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default);
}
