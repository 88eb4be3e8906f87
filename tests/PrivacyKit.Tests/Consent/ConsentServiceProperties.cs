using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed class ConsentServiceProperties
{
    private const string Subject = "cust-7";

    private static readonly Gen<(ConsentEventKind Kind, int AdvanceSeconds)> Step =
        Gen.Elements(ConsentEventKind.Granted, ConsentEventKind.Withdrawn, ConsentEventKind.Denied)
            .Zip(Gen.Elements(0, 0, 1, 60));

    [Property(MaxTest = 100)]
    public Property AnyInterleaving_CheckReturnsStateOfLastEvent() =>
        Prop.ForAll(Step.ListOf().ToArbitrary(), Gen.Elements(0, 30).ToArbitrary(), (steps, cacheSeconds) =>
        {
            using var host = new ConsentTestHost(o =>
            {
                o.AddPurpose(ConsentTestHost.Marketing());
                o.DecisionCacheLifetime = TimeSpan.FromSeconds(cacheSeconds);
            });
            foreach (var (kind, advance) in steps)
            {
                host.Time.Advance(TimeSpan.FromSeconds(advance));
                _ = kind switch
                {
                    ConsentEventKind.Granted => host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result,
                    ConsentEventKind.Withdrawn => host.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result,
                    _ => host.Consent.DenyAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result,
                };

                // Check after every step: the cache must never hide the latest event on this instance.
                var decision = host.Consent.CheckAsync(Subject, "marketing").AsTask().Result;
                var expected = kind == ConsentEventKind.Granted ? ConsentDecisionReason.Granted : ConsentDecisionReason.Withdrawn;
                if (decision.Reason != expected || decision.LastEvent != kind)
                {
                    return false;
                }
            }

            return steps.Count > 0 || host.Consent.CheckAsync(Subject, "marketing").AsTask().Result.Reason == ConsentDecisionReason.NoRecord;
        });

    [Property(MaxTest = 200)]
    public Property ImportedHistoryInAnyOrder_StateIsThatOfTheLatestEvent() =>
        Prop.ForAll(
            Gen.Elements(ConsentEventKind.Granted, ConsentEventKind.Withdrawn, ConsentEventKind.Denied, ConsentEventKind.Expired)
                .Zip(Gen.Choose(0, 20)).NonEmptyListOf().ToArbitrary(),
            events =>
            {
                var purpose = ConsentTestHost.Marketing();
                var history = events.Select((e, i) => new ConsentRecord
                {
                    Id = i.ToString(),
                    SubjectId = Subject,
                    PurposeId = purpose.Id,
                    Kind = e.Item1,
                    OccurredAt = ConsentTestHost.Start.AddMinutes(e.Item2),
                    PolicyVersion = purpose.PolicyVersion,
                    Source = ConsentSource.Import,
                }).ToList();

                // The last applicable event: latest time, ties broken by append order.
                var latest = history.Select((r, i) => (r, i)).OrderBy(x => x.r.OccurredAt).ThenBy(x => x.i).Last().r;
                var expected = latest.Kind switch
                {
                    ConsentEventKind.Granted => ConsentDecisionReason.Granted,
                    ConsentEventKind.Expired => ConsentDecisionReason.Expired,
                    _ => ConsentDecisionReason.Withdrawn,
                };
                var decision = ConsentEvaluator.Evaluate(purpose, history, ConsentTestHost.Start.AddDays(1));
                return decision.Reason == expected && decision.LastEvent == latest.Kind;
            });

    [Property(MaxTest = 100)]
    public Property PolicyVersionBump_AlwaysRequiresReconsent() =>
        Prop.ForAll(
            Gen.Choose(1, 50).Two().Where(v => v.Item1 != v.Item2).ToArbitrary(),
            Gen.Elements(ConsentEventKind.Granted, ConsentEventKind.Withdrawn).ListOf().ToArbitrary(),
            (versions, before) =>
            {
                var store = new InMemoryConsentStore();
                var (oldVersion, newVersion) = (versions.Item1.ToString(), versions.Item2.ToString());
                using (var v1 = new ConsentTestHost(o => o.AddPurpose(ConsentTestHost.Marketing(oldVersion)), store))
                {
                    foreach (var kind in before)
                    {
                        _ = kind == ConsentEventKind.Granted
                            ? v1.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result
                            : v1.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result;
                    }

                    _ = v1.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result;
                }

                using var v2 = new ConsentTestHost(o => o.AddPurpose(ConsentTestHost.Marketing(newVersion)), store);
                var stale = v2.Consent.CheckAsync(Subject, "marketing").AsTask().Result;
                _ = v2.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result;
                var renewed = v2.Consent.CheckAsync(Subject, "marketing").AsTask().Result;
                return stale.Reason == ConsentDecisionReason.PolicyVersionChanged && !stale.IsAllowed &&
                       renewed.Reason == ConsentDecisionReason.Granted && renewed.ConsentedPolicyVersion == newVersion;
            });

    [Property(MaxTest = 100)]
    public Property GrantLifetime_ExpiresExactlyAtBoundary_EvenWhenCached() =>
        Prop.ForAll(
            Gen.Choose(1, 400 * 24 * 60).ToArbitrary(),
            Gen.Elements(0, 1, 30, 3600).ToArbitrary(),
            (lifetimeMinutes, cacheSeconds) =>
            {
                var lifetime = TimeSpan.FromMinutes(lifetimeMinutes);
                using var host = new ConsentTestHost(o =>
                {
                    o.AddPurpose(ConsentTestHost.Marketing(lifetime: lifetime));
                    o.DecisionCacheLifetime = TimeSpan.FromSeconds(cacheSeconds);
                });
                _ = host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form).AsTask().Result;
                host.Time.Advance(lifetime - TimeSpan.FromSeconds(Math.Max(1, Math.Min(cacheSeconds / 2.0, lifetime.TotalSeconds / 2))));
                var early = host.Consent.CheckAsync(Subject, "marketing").AsTask().Result; // fills the cache
                host.Time.SetUtcNow(ConsentTestHost.Start + lifetime - TimeSpan.FromTicks(1));
                var justBefore = host.Consent.CheckAsync(Subject, "marketing").AsTask().Result;
                host.Time.Advance(TimeSpan.FromTicks(1));
                var atExpiry = host.Consent.CheckAsync(Subject, "marketing").AsTask().Result;
                return early.Reason == ConsentDecisionReason.Granted &&
                       justBefore.Reason == ConsentDecisionReason.Granted &&
                       atExpiry.Reason == ConsentDecisionReason.Expired;
            });
}
