using PrivacyKit.Context;

namespace PrivacyKit.Requests;

/// <summary>
/// The workflow of data subject requests: records them with their statutory deadlines and moves them
/// through received → identity verification → in progress → (extended →) completed or rejected.
/// Every command is checked against the current status, stored with its history entry and audited
/// (<see cref="Audit.AuditEventKind.RequestStatusChanged"/>) with actor and reason.
/// </summary>
/// <remarks>
/// Implementations are thread-safe; concurrent commands on one request are settled by the store's
/// optimistic concurrency, and a command is re-checked against the status that won. Who may issue
/// which command (operator roles) is decided by the caller, e.g. the ASP.NET Core endpoints.
/// Every method throws <see cref="SubjectRequestNotFoundException"/> for an unknown id,
/// <see cref="InvalidRequestTransitionException"/> for a command the status does not allow,
/// <see cref="SubjectRequestConflictException"/> when concurrent changes keep winning, and
/// <see cref="Audit.AuditException"/> when the change was stored but could not be audited.
/// </remarks>
public interface ISubjectRequestService
{
    /// <summary>Records a new request in status <see cref="SubjectRequestStatus.Received"/> and computes its deadlines.</summary>
    /// <param name="submission">The request.</param>
    /// <param name="actor">Who records it (the subject, or an operator for another channel).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The submission is inconsistent: no subject id, an undefined kind, regime or channel, corrections on a non-rectification request or none on a rectification, or a receipt time in the future.</exception>
    ValueTask<SubjectRequest> SubmitAsync(SubjectRequestSubmission submission, PrivacyActor actor, CancellationToken cancellationToken = default);

    /// <summary>Gets a request.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    /// <exception cref="SubjectRequestNotFoundException">No request has the id.</exception>
    ValueTask<SubjectRequest> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Gets a request's history of transitions, oldest first.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transitions.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is <see langword="null"/>.</exception>
    /// <exception cref="SubjectRequestNotFoundException">No request has the id.</exception>
    ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Records that receipt was confirmed to the requester (<see cref="SubjectRequestCommand.ConfirmReceipt"/>). Allowed once while open.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who confirmed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is closed or receipt was already confirmed.</exception>
    ValueTask<SubjectRequest> ConfirmReceiptAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default);

    /// <summary>Starts identity verification (<see cref="SubjectRequestCommand.BeginVerification"/>).</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is not in <see cref="SubjectRequestStatus.Received"/>.</exception>
    ValueTask<SubjectRequest> BeginVerificationAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies the requester through <see cref="ISubjectIdentityVerifier"/>; on success the request moves
    /// to <see cref="SubjectRequestStatus.InProgress"/>, on failure it stays in verification and the
    /// failure is audited as denied (reject it with <see cref="RejectionGround.IdentityNotVerified"/> when no more evidence comes).
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">The signed-in subject, or the operator who checked the evidence.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification result.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is not in <see cref="SubjectRequestStatus.IdentityVerification"/>.</exception>
    ValueTask<IdentityVerificationResult> VerifyIdentityAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default);

    /// <summary>Extends the deadline as the regime allows (GDPR: to three months from receipt; CCPA: to 90 days; PIPL: by the configured days). Once only, before the deadline passes.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who extends it.</param>
    /// <param name="reason">The non-personal reason that must be told to the subject (complexity, number of requests).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> or <paramref name="reason"/> is empty, or <paramref name="reason"/> looks personal or is longer than 500 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/>, <paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is not in progress, the deadline has passed, or the regime allows no extension.</exception>
    ValueTask<SubjectRequest> ExtendAsync(string requestId, PrivacyActor actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Closes the request as done. The executor calls it after all sources finished; call it directly for requests handled outside PrivacyKit.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who completes it.</param>
    /// <param name="note">An optional non-personal note.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty, or <paramref name="note"/> looks personal or is longer than 500 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is not in progress or extended.</exception>
    ValueTask<SubjectRequest> CompleteAsync(string requestId, PrivacyActor actor, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Refuses the request with a documented ground.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who refuses it.</param>
    /// <param name="rejection">The ground and an optional non-personal note.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated request.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty, or the note looks personal (contains the subject id, an e-mail address or a long run of digits).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/>, <paramref name="actor"/> or <paramref name="rejection"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRequestTransitionException">The request is already closed.</exception>
    ValueTask<SubjectRequest> RejectAsync(string requestId, PrivacyActor actor, RequestRejection rejection, CancellationToken cancellationToken = default);
}
