using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Access;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Access;

public sealed class FieldObligationsTests
{
    private static async Task<AccessDecision> DecideAsync(Action<AccessControlOptions> configure, params string[] roles)
    {
        using var host = new AccessTestHost(configure);
        foreach (var role in roles)
        {
            await host.GrantAsync("u-1", role);
        }

        return await host.EvaluateAsync("u-1", "customers:read");
    }

    [Fact]
    public async Task GetAccess_Unclassified_IsClearEvenForDenial()
    {
        var decision = await DecideAsync(o => o.AddRole("r").Allow(null, "customers:read"));

        Assert.Equal(FieldAccess.Clear, decision.Fields.GetAccess(DataClassification.None));
        Assert.Equal(FieldAccess.Clear, FieldObligations.HideAll.GetAccess(DataClassification.None));
    }

    [Fact]
    public async Task GetAccess_RoleSilentAboutClassification_IsHidden()
    {
        var decision = await DecideAsync(o => o.AddRole("r").Allow(null, "customers:read"), "r");

        Assert.Equal(FieldAccess.Hidden, decision.Fields.GetAccess(PrivacyClassifications.Contact));
        Assert.Equal(FieldAccess.Hidden, decision.Fields.GetAccess(DataClassification.Unknown));
        Assert.False(decision.Fields.IsAllClear);
    }

    [Fact]
    public async Task GetAccess_PropertyRule_OverridesClassificationWithinRoleForItsResourceOnly()
    {
        var decision = await DecideAsync(
            o => o.AddRole("r").Allow(null, "customers:read")
                .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked)
                .WithPropertyAccess("customers", "Email", FieldAccess.Clear)
                .WithPropertyAccess("orders", "Phone", FieldAccess.Clear),
            "r");

        Assert.Equal(FieldAccess.Clear, decision.Fields.GetAccess(PrivacyClassifications.Contact, "Email"));
        Assert.Equal(FieldAccess.Clear, decision.Fields.GetAccess(PrivacyClassifications.Contact, "email"));
        Assert.Equal(FieldAccess.Masked, decision.Fields.GetAccess(PrivacyClassifications.Contact, "Phone"));
    }

    [Fact]
    public async Task GetAccess_InheritedOpenerAccess_WinsOverChildsPropertyRule()
    {
        var decision = await DecideAsync(
            o =>
            {
                o.AddRole("parent").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Clear);
                o.AddRole("child").InheritFrom("parent").Allow(null, "customers:read").WithPropertyAccess("customers", "Email", FieldAccess.Hidden);
            },
            "child");

        Assert.Equal(FieldAccess.Clear, decision.Fields.GetAccess(PrivacyClassifications.Contact, "Email"));
    }

    [Fact]
    public async Task GetAccess_RoleNotGrantingThePermission_DoesNotOpenFields()
    {
        var decision = await DecideAsync(
            o =>
            {
                o.AddRole("reader").Allow(null, "customers:read").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked);
                o.AddRole("ticketing").Allow(null, "tickets:read").WithDefaultFieldAccess(FieldAccess.Clear);
            },
            "reader",
            "ticketing");

        Assert.Equal(FieldAccess.Masked, decision.Fields.GetAccess(PrivacyClassifications.Contact));
    }

    [Fact]
    public async Task IsAllClear_RoleShowingEverything_IsTrue()
    {
        var decision = await DecideAsync(o => o.AddRole("r").Allow(null, "customers:read").WithDefaultFieldAccess(FieldAccess.Clear), "r");

        Assert.True(decision.Fields.IsAllClear);
        Assert.Equal("x@y.z", decision.Fields.Apply("x@y.z", PrivacyClassifications.Contact));
    }

    [Fact]
    public void Apply_Null_StaysNull()
    {
        Assert.Null(FieldObligations.HideAll.Apply(null, PrivacyClassifications.Contact));
    }
}
