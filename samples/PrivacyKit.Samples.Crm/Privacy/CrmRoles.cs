using PrivacyKit.Access;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// The CRM's roles. Their rules (permissions, row scopes, field access by classification) are configuration:
/// the <c>PrivacyKit:Access</c> section of appsettings.json. What configuration cannot hold is here: which
/// properties decide a customer's owner and team, and which teams an employee belongs to.
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
        options.MapRowScope<Customer>(nameof(Customer.OwnerId), nameof(Customer.TeamId));
        options.TeamResolver = actor => Data.SeedData.Users.Where(u => u.Id == actor.Id).Select(u => u.TeamId).ToList();
    }
}
