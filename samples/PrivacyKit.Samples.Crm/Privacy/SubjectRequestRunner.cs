using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Carries one data subject request through PrivacyKit's workflow as the data protection officer does for a
/// request that came in by e-mail: record it, verify the requester (the DPO vouches for the evidence),
/// execute it across the CRM's personal data sources, which completes it.
/// </summary>
public static class SubjectRequestRunner
{
    public static async Task<SubjectRequestOutcome> RunAsync(
        IServiceProvider services, string subjectId, SubjectRequestKind kind, PrivacyActor dpo, CancellationToken cancellationToken = default)
    {
        var requests = services.GetRequiredService<ISubjectRequestService>();
        var request = await requests.SubmitAsync(
            new SubjectRequestSubmission { SubjectId = subjectId, Kind = kind, Regime = PrivacyRegime.Gdpr, Channel = RequestChannel.Email },
            dpo,
            cancellationToken);
        await requests.BeginVerificationAsync(request.Id, dpo, cancellationToken);
        var verification = await requests.VerifyIdentityAsync(request.Id, dpo, cancellationToken);
        if (!verification.IsVerified)
        {
            throw new InvalidOperationException($"Request {request.Id}: identity not verified ({verification.Reason}).");
        }

        return await services.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(request.Id, dpo, cancellationToken);
    }
}
