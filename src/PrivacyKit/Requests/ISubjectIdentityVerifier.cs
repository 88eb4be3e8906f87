using PrivacyKit.Context;

namespace PrivacyKit.Requests;

/// <summary>Verifies that the person behind a data subject request is the data subject (or acts for them).</summary>
/// <remarks>
/// Implementations must be thread-safe. They return a failed result rather than throw when the
/// identity is not established; exceptions are for faults (an identity provider that is down).
/// The default verifies a self-service request when the actor's <see cref="PrivacyActor.SubjectId"/>
/// is the request's subject, and a request from any other channel when the actor holds
/// <see cref="SubjectRequestOptions.OperatorRole"/> (an operator who checked the requester's evidence).
/// </remarks>
public interface ISubjectIdentityVerifier
{
    /// <summary>Verifies the requester of <paramref name="request"/>.</summary>
    /// <param name="request">The request being verified.</param>
    /// <param name="actor">Who is asking for the verification: the signed-in subject or an operator.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>Whether the identity is verified, and how or why not.</returns>
    ValueTask<IdentityVerificationResult> VerifyAsync(SubjectRequest request, PrivacyActor actor, CancellationToken cancellationToken = default);
}
