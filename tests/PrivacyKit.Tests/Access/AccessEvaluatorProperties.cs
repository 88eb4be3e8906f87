using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Access;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Access;

public sealed class AccessEvaluatorProperties
{
    private static readonly string[] Roles = [CrmRoles.SalesRep, CrmRoles.SalesManager, CrmRoles.Support, CrmRoles.Marketing, CrmRoles.Dpo, CrmRoles.Admin];
    private static readonly string[] Resources = ["customers", "requests", "audit", "roles", "orders"];
    private static readonly string[] Actions = ["read", "update", "export", "erase", "manage", "review"];

    // An independent model of what each sample role grants, written out by hand.
    private static readonly Dictionary<string, string[]> Model = new()
    {
        [CrmRoles.SalesRep] = ["customers:read", "customers:update"],
        [CrmRoles.SalesManager] = ["customers:read", "customers:update", "customers:export"],
        [CrmRoles.Support] = ["customers:read"],
        [CrmRoles.Marketing] = ["customers:read"],
        [CrmRoles.Dpo] = ["customers:read", "customers:export", "customers:erase", "audit:read", .. Actions.Select(a => $"requests:{a}")],
        [CrmRoles.Admin] = ["roles:manage", "roles:review", "audit:read"],
    };

    private static Arbitrary<(string[] Held, string[] Claimed, string Permission)> Cases() =>
        (from held in Gen.SubListOf(Roles)
         from claimed in Gen.SubListOf(Roles)
         from resource in Gen.Elements(Resources)
         from action in Gen.Elements(Actions)
         select (held.Where(r => r != CrmRoles.Admin || !held.Contains(CrmRoles.Dpo)).ToArray(), claimed.ToArray(), $"{resource}:{action}"))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property EvaluateAsync_AnyRolesAndPermission_AllowsOnlyWhatAnAssignedRoleGrants() =>
        Prop.ForAll(Cases(), async input =>
        {
            using var host = new AccessTestHost();
            foreach (var role in input.Held)
            {
                await host.GrantAsync("u-1", role);
            }

            // Claimed roles are not trusted by default, so they must never add anything.
            var decision = await host.Evaluator.EvaluateAsync(new PrivacyActor("u-1", input.Claimed), Permission.Parse(input.Permission));
            var expected = input.Held.Any(r => Model[r].Contains(input.Permission));
            return decision.IsAllowed == expected
                && (decision.IsAllowed || (decision.Rows.Scope == RowScope.None && decision.GrantingRoles.Count == 0));
        });

    private static Arbitrary<(int? StartMinutes, int? ExpiryMinutes, int[] Checks)> TimeCases() =>
        (from start in Gen.Choose(-60, 60).Select(m => (int?)m).Or(Gen.Constant((int?)null))
         from length in Gen.Choose(1, 120)
         from hasExpiry in Gen.Elements(true, true, false)
         from checks in Gen.ArrayOf(Gen.Choose(0, 15), 4)
         select (start, hasExpiry ? (int?)((start ?? 0) + length) : null, checks))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property EvaluateAsync_TimeBoundAssignment_GrantsExactlyWhileActive() =>
        Prop.ForAll(TimeCases(), async input =>
        {
            using var host = new AccessTestHost();
            var t0 = host.Time.GetUtcNow();
            if (input.StartMinutes is null && input.ExpiryMinutes <= 0)
            {
                return true; // a grant that has expired before it starts is refused up front (RoleManagerTests)
            }

            var assignment = await host.GrantAsync(
                "u-1",
                CrmRoles.Support,
                input.StartMinutes is { } s ? t0.AddMinutes(s) : null,
                input.ExpiryMinutes is { } x ? t0.AddMinutes(x) : null);

            // Evaluate repeatedly while the clock moves forward, so cached decisions are exercised too.
            foreach (var step in input.Checks)
            {
                host.Time.Advance(TimeSpan.FromMinutes(step));
                var decision = await host.EvaluateAsync("u-1", "customers:read");
                var now = host.Time.GetUtcNow();
                if (decision.IsAllowed != assignment.IsActiveAt(now) || (assignment.ExpiresAt <= now && decision.IsAllowed))
                {
                    return false;
                }
            }

            return true;
        });
}
