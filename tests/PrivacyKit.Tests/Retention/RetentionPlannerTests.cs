using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Retention;

public sealed class RetentionPlannerTests
{
    private static readonly DateTimeOffset Issued = new(2016, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Policies_FromAttributes_AreListedPerEntity()
    {
        using var host = new RetentionTestHost();
        Assert.Equal(
            [("Customer", (string?)null, "P7Y", RetentionAction.ShredKey), ("Invoice", null, "P10Y", RetentionAction.Delete), ("Invoice", "DeliveryAddress", "P18M", RetentionAction.Anonymise)],
            host.Planner.Policies.Select(p => (p.EntityType, p.Property, p.Period.ToString(), p.Action)));
        Assert.Equal(2, host.Planner.GetPolicies("Invoice").Count);
        Assert.Empty(host.Planner.GetPolicies("Lead"));
    }

    [Fact]
    public async Task PlanAsync_ExactlyAtExpiry_IsDueAndOneTickBeforeIsNot()
    {
        using var host = new RetentionTestHost();
        var expiry = new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
        var before = await host.PlanAsync(expiry.AddTicks(-1), RetentionTestHost.Invoice("inv-1", "c1", Issued));
        var at = await host.PlanAsync(expiry, RetentionTestHost.Invoice("inv-1", "c1", Issued));

        // One tick before the ten years, only the 18-month address rule has expired.
        var address = Assert.Single(before.Due);
        Assert.Equal(("DeliveryAddress", RetentionAction.Anonymise), (address.Property, address.Action));
        Assert.Equal(new DateTimeOffset(2017, 7, 31, 12, 0, 0, TimeSpan.Zero), address.ExpiredAt);

        // At ten years the record is deleted, which makes anonymising its field pointless.
        var delete = Assert.Single(at.Due);
        Assert.Equal((null, RetentionAction.Delete, "inv-1", "c1"), (delete.Property, delete.Action, delete.Key, delete.SubjectId));
        Assert.Equal(expiry, delete.ExpiredAt);
        Assert.Empty(at.Held);
    }

    [Fact]
    public async Task PlanAsync_HeldSubject_IsSkippedAndSaysWhichHold()
    {
        using var host = new RetentionTestHost();
        await host.Holds.PlaceAsync(RetentionTestHost.Hold("hold-1", "c1", "Invoice"));
        var plan = await host.PlanAsync(
            Issued.AddYears(11),
            RetentionTestHost.Invoice("inv-1", "c1", Issued),
            RetentionTestHost.Invoice("inv-2", "c2", Issued));

        var due = Assert.Single(plan.Due);
        Assert.Equal("inv-2", due.Key);
        var held = Assert.Single(plan.Held);
        Assert.Equal("inv-1", held.Key);
        Assert.True(held.IsHeld);
        Assert.Equal(["hold-1"], held.HoldIds);
    }

    [Fact]
    public async Task PlanAsync_HoldOnOtherEntity_DoesNotStopDeletionButStopsKeyShredding()
    {
        using var host = new RetentionTestHost();
        await host.Holds.PlaceAsync(RetentionTestHost.Hold("hold-orders", "c1", "Order"));
        var plan = await host.PlanAsync(
            Issued.AddYears(11),
            RetentionTestHost.Invoice("inv-1", "c1", Issued),
            RetentionTestHost.Customer("c1", Issued));

        Assert.Equal(("inv-1", RetentionAction.Delete), (Assert.Single(plan.Due).Key, plan.Due[0].Action));
        var shred = Assert.Single(plan.Held);
        Assert.Equal((RetentionAction.ShredKey, "c1"), (shred.Action, shred.Key));
        Assert.Equal(["hold-orders"], shred.HoldIds);
    }

    [Fact]
    public async Task PlanAsync_ReleasedHold_NoLongerSuspends()
    {
        using var host = new RetentionTestHost();
        await host.Holds.PlaceAsync(RetentionTestHost.Hold("hold-1", "c1"));
        Assert.True(await host.Holds.ReleaseAsync("hold-1", Issued.AddYears(10)));
        var plan = await host.PlanAsync(Issued.AddYears(11), RetentionTestHost.Invoice("inv-1", "c1", Issued));
        Assert.Single(plan.Due);
        Assert.Empty(plan.Held);
    }

    [Fact]
    public async Task PlanAsync_MissingOrNullTimestampOrUnknownEntity_NothingExpires()
    {
        using var host = new RetentionTestHost();
        var plan = await host.PlanAsync(
            DateTimeOffset.MaxValue,
            RetentionTestHost.Invoice("inv-1", "c1", null),
            new RetentionCandidate("Invoice", "inv-2", "c1", new Dictionary<string, DateTimeOffset?>()),
            new RetentionCandidate("Lead", "l-1", "c1", new Dictionary<string, DateTimeOffset?> { ["CreatedAt"] = Issued }));
        Assert.Empty(plan.Due);
        Assert.Empty(plan.Held);
    }

    [Fact]
    public async Task PlanAsync_ConfiguredRule_OverridesAttribute()
    {
        using var host = new RetentionTestHost(o => o.AddRule("Invoice", "P6Y", "IssuedAt"));
        var policy = host.Planner.GetPolicies("Invoice").Single(p => p.Property is null);
        Assert.Equal((RetentionPolicySource.Configuration, "P6Y"), (policy.Source, policy.Period.ToString()));
        var plan = await host.PlanAsync(Issued.AddYears(6), RetentionTestHost.Invoice("inv-1", "c1", Issued));
        Assert.Equal(RetentionAction.Delete, Assert.Single(plan.Due).Action);
    }

    [Fact]
    public async Task PlanAsync_ConfiguredRuleForUnmappedEntity_Applies()
    {
        using var host = new RetentionTestHost(o => o.AddRule("AuditExport", "P30D", "CreatedAt"));
        var plan = await host.PlanAsync(
            Issued.AddDays(30),
            new RetentionCandidate("AuditExport", "e-1", null, new Dictionary<string, DateTimeOffset?> { ["CreatedAt"] = Issued }));
        Assert.Equal(("e-1", (string?)null), (Assert.Single(plan.Due).Key, plan.Due[0].SubjectId));
    }

    [Fact]
    public async Task PlanAsync_ShredKeyExpired_KeepsFieldActions()
    {
        using var host = new RetentionTestHost(o => o.AddRule("Invoice", "P1Y", "IssuedAt", RetentionAction.ShredKey));
        var plan = await host.PlanAsync(Issued.AddYears(2), RetentionTestHost.Invoice("inv-1", "c1", Issued));
        Assert.Equal([RetentionAction.ShredKey, RetentionAction.Anonymise], plan.Due.Select(i => i.Action));
    }

    [Fact]
    public async Task PlanAsync_NullArguments_Throw()
    {
        using var host = new RetentionTestHost();
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Planner.PlanAsync(Issued, null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.PlanAsync(Issued, [null!]).AsTask());
        Assert.Throws<ArgumentNullException>(() => host.Planner.GetPolicies(null!));
    }

    [Fact]
    public void RetentionCandidate_BadArguments_Throw()
    {
        var empty = new Dictionary<string, DateTimeOffset?>();
        Assert.Throws<ArgumentException>(() => new RetentionCandidate(string.Empty, "k", null, empty));
        Assert.Throws<ArgumentNullException>(() => new RetentionCandidate("E", null!, null, empty));
        Assert.Throws<ArgumentNullException>(() => new RetentionCandidate("E", "k", null, null!));
    }

    [Fact]
    public void ExpiryCutoff_SelectsExactlyTheExpiredTimestamps()
    {
        var policy = new RetentionPolicy { EntityType = "Invoice", Period = IsoDuration.Parse("P1M"), From = "IssuedAt", Action = RetentionAction.Delete };
        var asOf = new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero);
        var cutoff = policy.ExpiryCutoff(asOf)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero), cutoff);
        Assert.True(policy.ExpiresAt(cutoff) <= asOf);
        Assert.True(policy.ExpiresAt(cutoff.AddTicks(1)) > asOf);
    }
}
