using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Access;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Access;

/// <summary>Table-driven checks of the sample CRM's roles.</summary>
public sealed class CrmRolesTests
{
    public static TheoryData<string, string, bool, RowScope> Permissions => new()
    {
        { CrmRoles.SalesRep, "customers:read", true, RowScope.Own },
        { CrmRoles.SalesRep, "customers:update", true, RowScope.Own },
        { CrmRoles.SalesRep, "customers:export", false, RowScope.None },
        { CrmRoles.SalesRep, "customers:erase", false, RowScope.None },
        { CrmRoles.SalesManager, "customers:read", true, RowScope.Team },
        { CrmRoles.SalesManager, "customers:update", true, RowScope.Team },
        { CrmRoles.SalesManager, "customers:export", true, RowScope.Team },
        { CrmRoles.SalesManager, "roles:manage", false, RowScope.None },
        { CrmRoles.Support, "customers:read", true, RowScope.All },
        { CrmRoles.Support, "customers:update", false, RowScope.None },
        { CrmRoles.Support, "customers:export", false, RowScope.None },
        { CrmRoles.Marketing, "customers:read", true, RowScope.All },
        { CrmRoles.Marketing, "customers:export", false, RowScope.None },
        { CrmRoles.Dpo, "customers:read", true, RowScope.All },
        { CrmRoles.Dpo, "customers:export", true, RowScope.All },
        { CrmRoles.Dpo, "customers:erase", true, RowScope.All },
        { CrmRoles.Dpo, "requests:export", true, RowScope.All },
        { CrmRoles.Dpo, "requests:erase", true, RowScope.All },
        { CrmRoles.Dpo, "audit:read", true, RowScope.All },
        { CrmRoles.Dpo, "roles:manage", false, RowScope.None },
        { CrmRoles.Admin, "roles:manage", true, RowScope.All },
        { CrmRoles.Admin, "roles:review", true, RowScope.All },
        { CrmRoles.Admin, "audit:read", true, RowScope.All },
        { CrmRoles.Admin, "customers:export", false, RowScope.None },
        { CrmRoles.Admin, "customers:read", false, RowScope.None },
    };

    public static TheoryData<string, string, FieldAccess> Fields => new()
    {
        { CrmRoles.SalesRep, nameof(PrivacyClassifications.Contact), FieldAccess.Clear },
        { CrmRoles.SalesRep, nameof(PrivacyClassifications.Financial), FieldAccess.Masked },
        { CrmRoles.SalesRep, nameof(PrivacyClassifications.Sensitive), FieldAccess.Hidden },
        { CrmRoles.SalesManager, nameof(PrivacyClassifications.Contact), FieldAccess.Clear },
        { CrmRoles.SalesManager, nameof(PrivacyClassifications.Sensitive), FieldAccess.Hidden },
        { CrmRoles.Support, nameof(PrivacyClassifications.Contact), FieldAccess.Masked },
        { CrmRoles.Support, nameof(PrivacyClassifications.Identifier), FieldAccess.Clear },
        { CrmRoles.Support, nameof(PrivacyClassifications.Sensitive), FieldAccess.Hidden },
        { CrmRoles.Support, nameof(PrivacyClassifications.Financial), FieldAccess.Hidden },
        { CrmRoles.Marketing, nameof(PrivacyClassifications.Contact), FieldAccess.Clear },
        { CrmRoles.Marketing, nameof(PrivacyClassifications.Behavioural), FieldAccess.Clear },
        { CrmRoles.Marketing, nameof(PrivacyClassifications.Financial), FieldAccess.Hidden },
        { CrmRoles.Marketing, nameof(PrivacyClassifications.Sensitive), FieldAccess.Hidden },
        { CrmRoles.Marketing, nameof(PrivacyClassifications.Location), FieldAccess.Hidden },
        { CrmRoles.Dpo, nameof(PrivacyClassifications.Sensitive), FieldAccess.Clear },
        { CrmRoles.Dpo, nameof(PrivacyClassifications.Financial), FieldAccess.Clear },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task EvaluateAsync_CrmRole_GrantsExpectedPermissionAndScope(string role, string permission, bool allowed, RowScope scope)
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", role);

        var decision = await host.EvaluateAsync("u-1", permission);

        Assert.Equal((allowed, scope), (decision.IsAllowed, decision.Rows.Scope));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task EvaluateAsync_CrmRole_ShowsFieldsAsExpected(string role, string classification, FieldAccess access)
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", role);

        var decision = await host.EvaluateAsync("u-1", "customers:read");

        Assert.Equal(access, decision.Fields.GetAccess(new DataClassification(PrivacyClassifications.TaxonomyName, classification)));
    }

    [Fact]
    public async Task EvaluateAsync_SupportReadingEmail_SeesItMasked()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("s-1", CrmRoles.Support);

        var decision = await host.EvaluateAsync("s-1", "customers:read");

        Assert.Equal("j***@example.com", decision.Fields.Apply("jane.doe@example.com", PrivacyClassifications.Contact, "Email"));
        Assert.Null(decision.Fields.Apply("diabetes", PrivacyClassifications.Sensitive, "HealthNote"));
    }
}
