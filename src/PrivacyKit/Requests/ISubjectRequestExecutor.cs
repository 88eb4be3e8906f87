using PrivacyKit.Context;

namespace PrivacyKit.Requests;

/// <summary>
/// Carries out a verified data subject request across every registered <see cref="IPersonalDataSource"/>
/// and completes it: an export package for access and portability, an erasure certificate for erasure
/// (data under an active legal hold is retained and listed), and change lists for rectification,
/// restriction, objection and opt-out.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Execution is resumable and idempotent: each source's result is
/// recorded in the <see cref="ISubjectRequestStore"/> as soon as it finishes; running the request again
/// after a failure or crash calls only the sources without a successful record, and running a
/// completed request again rebuilds its outcome from the records without calling any source.
/// An execution lease in the store keeps two app instances from executing one request at once.
/// Throws <see cref="SubjectRequestNotFoundException"/>, <see cref="InvalidRequestTransitionException"/>
/// (the request is not in progress or extended), <see cref="SubjectRequestConflictException"/> (another
/// instance is executing it), <see cref="SubjectRequestExecutionException"/> (a source failed) and
/// <see cref="Audit.AuditException"/>.
/// </remarks>
public interface ISubjectRequestExecutor
{
    /// <summary>Executes (or resumes, or re-reads) a request.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="actor">Who runs it (an operator or <see cref="PrivacyActor.System"/> for a job).</param>
    /// <param name="cancellationToken">Cancels the execution; finished sources stay recorded.</param>
    /// <returns>The outcome, with the request completed.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">An erasure is executed but no <see cref="Retention.ILegalHoldStore"/> is registered, or two sources share a name.</exception>
    ValueTask<SubjectRequestOutcome> ExecuteAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default);
}
