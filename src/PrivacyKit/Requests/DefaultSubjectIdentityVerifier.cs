using Microsoft.Extensions.Options;
using PrivacyKit.Context;

namespace PrivacyKit.Requests;

/// <summary>
/// Verifies a self-service request when the actor is the subject, and a request from another channel
/// when the actor holds the operator role (the operator vouches for the evidence they checked).
/// </summary>
internal sealed class DefaultSubjectIdentityVerifier(IOptions<SubjectRequestOptions> options) : ISubjectIdentityVerifier
{
    public const string AuthenticatedSubject = "authenticated-subject";
    public const string Operator = "operator";

    private readonly string _operatorRole = options.Value.OperatorRole;

    public ValueTask<IdentityVerificationResult> VerifyAsync(SubjectRequest request, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);

        if (actor.SubjectId is { } subjectId && string.Equals(subjectId, request.SubjectId, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(IdentityVerificationResult.Verified(AuthenticatedSubject));
        }

        if (request.Channel != RequestChannel.SelfService && actor.Roles.Contains(_operatorRole, StringComparer.Ordinal))
        {
            return ValueTask.FromResult(IdentityVerificationResult.Verified(Operator));
        }

        return ValueTask.FromResult(IdentityVerificationResult.Failed(request.Channel == RequestChannel.SelfService
            ? "the signed-in actor is not the request's data subject"
            : $"the actor is neither the request's data subject nor holds the role '{_operatorRole}'"));
    }
}
