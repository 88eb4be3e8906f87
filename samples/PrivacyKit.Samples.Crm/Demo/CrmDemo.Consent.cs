using Microsoft.EntityFrameworkCore;
using PrivacyKit.Consent;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private const string Campaign = "spring-offers";

    private async Task ConsentAsync(StepContext step)
    {
        var consent = Services.GetRequiredService<IConsentService>();
        var subject = Jane.ToString();
        var sentBefore = await CampaignSendsAsync();
        using (session.ActAs("u-mia"))
        {
            await SendAsync(step, "no consent on record", expectSent: false, ConsentDecisionReason.NoRecord);

            using (session.ActAs(subject))
            {
                await consent.GrantAsync(subject, CrmPurposes.Marketing, ConsentSource.Form, proofReference: "newsletter-form-1001");
            }

            await SendAsync(step, "after Jane ticks the newsletter box", expectSent: true, ConsentDecisionReason.Granted);

            using (session.ActAs(subject))
            {
                await consent.WithdrawAsync(subject, CrmPurposes.Marketing, ConsentSource.Api);
            }

            await SendAsync(step, "after Jane unsubscribes", expectSent: false, ConsentDecisionReason.Withdrawn);

            using (session.ActAs(subject))
            {
                await consent.GrantAsync(subject, CrmPurposes.Marketing, ConsentSource.Form, proofReference: "newsletter-form-1002");
            }

            await SendAsync(step, "after Jane subscribes again", expectSent: true, ConsentDecisionReason.Granted);
        }

        step.Expect("campaign e-mails recorded for Jane", sentBefore + 2, await CampaignSendsAsync());
    }

    private async Task PolicyChangeAsync(StepContext step)
    {
        const string newPolicy = CrmPurposes.CurrentMarketingPolicy;
        step.Show($"redeploying the CRM with marketing policy {newPolicy} (was {CrmPurposes.FirstMarketingPolicy}); consent history is kept");
        await session.StartAsync(newPolicy);
        var consent = Services.GetRequiredService<IConsentService>();
        var subject = Jane.ToString();
        using (session.ActAs("u-mia"))
        {
            await SendAsync(step, "under the new policy, with consent to the old one", expectSent: false, ConsentDecisionReason.PolicyVersionChanged);
            using (session.ActAs(subject))
            {
                await consent.GrantAsync(subject, CrmPurposes.Marketing, ConsentSource.Form, proofReference: "re-consent-1003");
            }

            await SendAsync(step, "after Jane accepts the new policy", expectSent: true, ConsentDecisionReason.Granted);
        }

        var decision = await consent.CheckAsync(subject, CrmPurposes.Marketing);
        step.Expect("policy version Jane consented to", newPolicy, decision.ConsentedPolicyVersion);
    }

    private async Task SendAsync(StepContext step, string situation, bool expectSent, ConsentDecisionReason expectedReason)
    {
        var result = await session.InScopeAsync(sp => sp.GetRequiredService<MarketingCampaigns>().SendAsync(Campaign, Jane));
        step.Show($"send '{Campaign}' to Jane {situation}: {(result.Sent ? "sent" : "blocked")} ({result.Reason})");
        step.Expect($"send {situation}", (expectSent, expectedReason), (result.Sent, result.Reason));
    }

    private Task<int> CampaignSendsAsync() => session.InScopeAsync(sp =>
        sp.GetRequiredService<CrmDbContext>().Activities.CountAsync(a => a.CustomerId == Jane && a.Kind == "campaign"));
}
