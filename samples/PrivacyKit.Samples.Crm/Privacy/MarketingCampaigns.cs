using Microsoft.EntityFrameworkCore;
using PrivacyKit.Consent;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>The result of one campaign send: sent, or why not.</summary>
public sealed record CampaignSendResult(bool Sent, ConsentDecisionReason Reason);

/// <summary>
/// Sends a marketing campaign to one customer, only with their consent to the current marketing policy.
/// This is the retrofit of the CRM's campaign feature: one consent check before the send.
/// </summary>
public sealed class MarketingCampaigns(CrmDbContext db, IConsentService consent, TimeProvider clock)
{
    public async Task<CampaignSendResult> SendAsync(string campaign, Guid customerId, CancellationToken cancellationToken = default)
    {
        var decision = await consent.CheckAsync(customerId.ToString(), CrmPurposes.Marketing, cancellationToken);
        if (!decision.IsAllowed)
        {
            return new CampaignSendResult(false, decision.Reason);
        }

        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw new InvalidOperationException($"Customer {customerId} does not exist.");
        }

        db.Activities.Add(new Activity { CustomerId = customerId, Kind = "campaign", Subject = campaign, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignSendResult(true, decision.Reason);
    }
}
