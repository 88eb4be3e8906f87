using PrivacyKit.Access;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Access;

/// <summary>
/// The role set of the sample CRM, in code (<see cref="Configure"/>) and as configuration keys
/// (<see cref="ConfigurationValues"/>, the same roles as an appsettings.json "PrivacyKit:Access" section would hold).
/// </summary>
public static class CrmRoles
{
    public const string SalesRep = "sales-rep";
    public const string SalesManager = "sales-manager";
    public const string Support = "support";
    public const string Marketing = "marketing";
    public const string Dpo = "dpo";
    public const string Admin = "admin";

    public static void Configure(AccessControlOptions options)
    {
        options.AddRole(SalesRep)
            .Allow(RowScope.Own, "customers:read", "customers:update")
            .WithDefaultFieldAccess(FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Financial, FieldAccess.Masked)
            .WithFieldAccess(PrivacyClassifications.Sensitive, FieldAccess.Hidden);
        options.AddRole(SalesManager)
            .InheritFrom(SalesRep)
            .Allow(RowScope.Team, "customers:read", "customers:update", "customers:export");
        options.AddRole(Support)
            .Allow(RowScope.All, "customers:read")
            .WithFieldAccess(PrivacyClassifications.Identifier, FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked)
            .WithFieldAccess(PrivacyClassifications.FreeText, FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Sensitive, FieldAccess.Hidden);
        options.AddRole(Marketing)
            .Allow(RowScope.All, "customers:read")
            .WithFieldAccess(PrivacyClassifications.Identifier, FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Behavioural, FieldAccess.Clear)
            .WithFieldAccess(PrivacyClassifications.Financial, FieldAccess.Hidden);
        options.AddRole(Dpo)
            .Allow(RowScope.All, "customers:read", "customers:export", "customers:erase", "requests:*", "audit:read")
            .WithDefaultFieldAccess(FieldAccess.Clear);
        options.AddRole(Admin)
            .Allow(null, "roles:manage", "roles:review", "audit:read");
        options.AddConflictingRoles(Admin, Dpo);
    }

    public static Dictionary<string, string?> ConfigurationValues(string prefix = "PrivacyKit:Access") => new()
    {
        [$"{prefix}:Roles:{SalesRep}:Permissions:0"] = "customers:read",
        [$"{prefix}:Roles:{SalesRep}:Permissions:1"] = "customers:update",
        [$"{prefix}:Roles:{SalesRep}:Scopes:customers"] = "Own",
        [$"{prefix}:Roles:{SalesRep}:Fields:*"] = "Clear",
        [$"{prefix}:Roles:{SalesRep}:Fields:Financial"] = "Masked",
        [$"{prefix}:Roles:{SalesRep}:Fields:Sensitive"] = "Hidden",
        [$"{prefix}:Roles:{SalesManager}:Inherits:0"] = SalesRep,
        [$"{prefix}:Roles:{SalesManager}:Permissions:0"] = "customers:export",
        [$"{prefix}:Roles:{SalesManager}:Scopes:customers"] = "Team",
        [$"{prefix}:Roles:{Support}:Permissions:0"] = "customers:read",
        [$"{prefix}:Roles:{Support}:Scopes:customers"] = "All",
        [$"{prefix}:Roles:{Support}:Fields:Identifier"] = "Clear",
        [$"{prefix}:Roles:{Support}:Fields:Contact"] = "Masked",
        [$"{prefix}:Roles:{Support}:Fields:FreeText"] = "Clear",
        [$"{prefix}:Roles:{Support}:Fields:Sensitive"] = "Hidden",
        [$"{prefix}:Roles:{Marketing}:Permissions:0"] = "customers:read",
        [$"{prefix}:Roles:{Marketing}:Scopes:customers"] = "All",
        [$"{prefix}:Roles:{Marketing}:Fields:Identifier"] = "Clear",
        [$"{prefix}:Roles:{Marketing}:Fields:Contact"] = "Clear",
        [$"{prefix}:Roles:{Marketing}:Fields:Behavioural"] = "Clear",
        [$"{prefix}:Roles:{Marketing}:Fields:Financial"] = "Hidden",
        [$"{prefix}:Roles:{Dpo}:Permissions:0"] = "customers:read",
        [$"{prefix}:Roles:{Dpo}:Permissions:1"] = "customers:export",
        [$"{prefix}:Roles:{Dpo}:Permissions:2"] = "customers:erase",
        [$"{prefix}:Roles:{Dpo}:Permissions:3"] = "requests:*",
        [$"{prefix}:Roles:{Dpo}:Permissions:4"] = "audit:read",
        [$"{prefix}:Roles:{Dpo}:Fields:*"] = "Clear",
        [$"{prefix}:Roles:{Admin}:Permissions:0"] = "roles:manage",
        [$"{prefix}:Roles:{Admin}:Permissions:1"] = "roles:review",
        [$"{prefix}:Roles:{Admin}:Permissions:2"] = "audit:read",
        [$"{prefix}:ConflictingRoles:0:0"] = Admin,
        [$"{prefix}:ConflictingRoles:0:1"] = Dpo,
    };
}
