using PrivacyKit.Access;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Access;

public sealed class AccessPolicyCompilerTests
{
    private static IReadOnlyList<string> Validate(Action<AccessControlOptions> configure)
    {
        var options = new AccessControlOptions();
        configure(options);
        return AccessPolicyCompiler.Validate(options);
    }

    [Fact]
    public void Compile_CrmRoles_Succeeds()
    {
        var options = new AccessControlOptions();
        CrmRoles.Configure(options);

        var errors = AccessPolicyCompiler.Compile(options, 7, out var policy);

        Assert.Empty(errors);
        Assert.NotNull(policy);
        Assert.Equal(7, policy.Version);
        Assert.Equal(6, policy.Roles.Count);
    }

    [Fact]
    public void Compile_UnknownParent_NamesTheInheritsKey()
    {
        var errors = Validate(o => o.AddRole("sales-rep").InheritFrom("x"));

        Assert.Equal(["PrivacyKit:Access:Roles:sales-rep:Inherits:0 names unknown role 'x'."], errors);
    }

    [Fact]
    public void Compile_MalformedPermission_NamesThePermissionKey()
    {
        var errors = Validate(o => o.AddRole("support").Permissions.Add("customers-read"));

        var error = Assert.Single(errors);
        Assert.StartsWith("PrivacyKit:Access:Roles:support:Permissions:0 is not a permission", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownClassification_NamesTheFieldsKeyAndListsKnownOnes()
    {
        var errors = Validate(o => o.AddRole("support").Fields["Medical"] = FieldAccess.Masked);

        var error = Assert.Single(errors);
        Assert.StartsWith("PrivacyKit:Access:Roles:support:Fields:Medical names unknown classification 'Medical'", error, StringComparison.Ordinal);
        Assert.Contains("Sensitive", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UndefinedAccessAndScope_NameTheirKeys()
    {
        var errors = Validate(o =>
        {
            var role = o.AddRole("support");
            role.Fields[PrivacyClassifications.Contact.Value] = (FieldAccess)9;
            role.Scopes["customers"] = RowScope.None;
        });

        Assert.Contains("PrivacyKit:Access:Roles:support:Fields:Contact must be Hidden, Masked or Clear.", errors);
        Assert.Contains("PrivacyKit:Access:Roles:support:Scopes:customers must be Own, Team, Tenant or All.", errors);
    }

    [Fact]
    public void Compile_MalformedPropertyKey_NamesIt()
    {
        var errors = Validate(o => o.AddRole("support").Properties["Email"] = FieldAccess.Clear);

        Assert.Equal(["PrivacyKit:Access:Roles:support:Properties:Email must be 'resource.Property', e.g. 'customers.Email'."], errors);
    }

    [Fact]
    public void Compile_BadRoleName_NamesIt()
    {
        var errors = Validate(o => o.AddRole("sales rep"));

        Assert.Equal(["PrivacyKit:Access:Roles:sales rep is not a valid role name: use 1 to 100 letters, digits, '-', '_' or '.'."], errors);
    }

    [Fact]
    public void Compile_Cycle_NamesTheInheritsKeyAndTheCycle()
    {
        var errors = Validate(o =>
        {
            o.AddRole("a").InheritFrom("b");
            o.AddRole("b").InheritFrom("c");
            o.AddRole("c").InheritFrom("a");
        });

        var error = Assert.Single(errors);
        Assert.Equal("PrivacyKit:Access:Roles:c:Inherits:0 makes an inheritance cycle (a -> b -> c -> a): a role may not inherit from itself.", error);
    }

    [Fact]
    public void Compile_SelfInheritance_IsACycle()
    {
        var errors = Validate(o => o.AddRole("a").InheritFrom("a"));

        Assert.Contains("PrivacyKit:Access:Roles:a:Inherits:0 makes an inheritance cycle (a -> a)", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ConflictSetWithUnknownOrSingleRole_NamesTheKeys()
    {
        var errors = Validate(o =>
        {
            o.AddRole("a");
            o.AddConflictingRoles("a", "ghost");
            o.AddConflictingRoles("a");
        });

        Assert.Contains("PrivacyKit:Access:ConflictingRoles:0:1 names unknown role 'ghost'.", errors);
        Assert.Contains("PrivacyKit:Access:ConflictingRoles:1 must name at least two different roles.", errors);
    }

    [Fact]
    public void Compile_RoleInheritingBothConflictingRoles_IsRejected()
    {
        var errors = Validate(o =>
        {
            o.AddRole("maker");
            o.AddRole("checker");
            o.AddRole("both").InheritFrom("maker", "checker");
            o.AddConflictingRoles("maker", "checker");
        });

        Assert.Equal(["PrivacyKit:Access:Roles:both holds roles 'checker' and 'maker' through inheritance, which PrivacyKit:Access:ConflictingRoles:0 declares conflicting."], errors);
    }

    [Fact]
    public void Compile_BadSettings_NameEachSetting()
    {
        var errors = Validate(o =>
        {
            o.DecisionCacheLifetime = TimeSpan.FromSeconds(-1);
            o.DecisionCacheSize = 0;
            o.UnusedAfter = TimeSpan.Zero;
        });

        Assert.Equal(
            [
                "PrivacyKit:Access:DecisionCacheLifetime must be zero (no caching) or positive.",
                "PrivacyKit:Access:DecisionCacheSize must be at least 1.",
                "PrivacyKit:Access:UnusedAfter must be positive.",
            ],
            errors);
    }

    [Fact]
    public void Compile_Inheritance_TakesWidestScopeAndUnionOfPermissions()
    {
        var options = new AccessControlOptions();
        CrmRoles.Configure(options);

        AccessPolicyCompiler.Compile(options, 1, out var policy);
        var manager = policy!.Roles[CrmRoles.SalesManager];

        Assert.Equal(RowScope.Team, manager.ScopeFor("customers"));
        Assert.True(manager.Grants(Permission.Parse("customers:update")));
        Assert.True(manager.Grants(Permission.Parse("customers:export")));
        Assert.Contains(CrmRoles.SalesRep, (IReadOnlySet<string>)manager.Closure);
        Assert.False(policy.Roles[CrmRoles.SalesRep].Grants(Permission.Parse("customers:export")));
    }
}
