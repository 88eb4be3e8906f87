using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Retention;

public sealed class RetentionPlannerProperties
{
    private static readonly DateTimeOffset AsOf = new(2030, 3, 31, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 100)]
    public Property LegalHolds_NothingHeldIsEverDue_AndEveryExpiredRecordIsPlannedOnce() =>
        Prop.ForAll(
            Gen.Choose(0, 5).Zip(Gen.Choose(0, 20 * 366)).ListOf().ToArbitrary(),
            Gen.Choose(0, 5).Zip(Gen.Elements("Invoice", "Customer", "Order", "*")).Zip(Gen.Elements(true, false)).ListOf().ToArbitrary(),
            (rows, holdSpecs) =>
            {
                using var host = new RetentionTestHost();
                var activeHolds = new List<(string Subject, string Entity)>();
                for (var i = 0; i < holdSpecs.Count; i++)
                {
                    var ((subject, entity), released) = holdSpecs[i];
                    var hold = RetentionTestHost.Hold($"h{i}", $"c{subject}", entity == "*" ? [] : [entity]);
                    host.Holds.PlaceAsync(hold).AsTask().Wait();
                    if (released)
                    {
                        host.Holds.ReleaseAsync(hold.Id, AsOf).AsTask().Wait();
                    }
                    else
                    {
                        activeHolds.Add(($"c{subject}", entity));
                    }
                }

                var candidates = rows.Select((r, i) => RetentionTestHost.Invoice($"inv-{i}", $"c{r.Item1}", AsOf.AddDays(-r.Item2))).ToArray();
                var plan = host.PlanAsync(AsOf, candidates).AsTask().Result;

                foreach (var candidate in candidates)
                {
                    var issued = candidate.Timestamps["IssuedAt"]!.Value;
                    var deleted = IsoDuration.Parse("P10Y").AddTo(issued) <= AsOf;
                    var anonymised = IsoDuration.Parse("P18M").AddTo(issued) <= AsOf;
                    var expected = deleted ? 1 : anonymised ? 1 : 0;
                    var isHeld = activeHolds.Any(h => h.Subject == candidate.SubjectId && (h.Entity == "*" || h.Entity == "Invoice"));
                    var due = plan.Due.Count(i => i.Key == candidate.Key);
                    var held = plan.Held.Count(i => i.Key == candidate.Key);
                    if (isHeld ? (due != 0 || held != expected) : (held != 0 || due != expected))
                    {
                        return false;
                    }

                    var item = plan.Due.Concat(plan.Held).SingleOrDefault(i => i.Key == candidate.Key);
                    if (item is not null && item.Action != (deleted ? RetentionAction.Delete : RetentionAction.Anonymise))
                    {
                        return false;
                    }
                }

                return plan.Held.All(i => i.HoldIds.Count > 0) && plan.Due.All(i => i.HoldIds.Count == 0);
            });
}
