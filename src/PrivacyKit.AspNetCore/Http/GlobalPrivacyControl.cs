using Microsoft.Extensions.Logging;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Http;

/// <summary>
/// Applies a request's Global Privacy Control signal once: an identified subject's opt-out of sale and sharing is recorded
/// (the consent service makes repeats no-ops); otherwise the subject's stored opt-out is read for the request.
/// </summary>
internal static class GlobalPrivacyControl
{
    internal const string Proof = "Sec-GPC: 1";

    public static async ValueTask ApplyAsync(PrivacyRequestState state, IConsentService consent, ILogger logger, CancellationToken cancellationToken)
    {
        if (state.Applied || state.Actor?.SubjectId is not { } subjectId)
        {
            return;
        }

        state.Applied = true;
        if (state.GlobalPrivacyControl)
        {
            if (await consent.OptOutOfSaleOrSharingAsync(subjectId, ConsentSource.GlobalPrivacyControl, Proof, cancellationToken).ConfigureAwait(false))
            {
                AspNetCoreLog.GlobalPrivacyControlRecorded(logger, state.Regime, state.CorrelationId);
            }
        }
        else
        {
            state.PriorOptOut = await consent.IsOptedOutOfSaleOrSharingAsync(subjectId, cancellationToken).ConfigureAwait(false);
        }
    }
}
