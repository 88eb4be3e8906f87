using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

internal sealed class AccessEvaluator : IAccessEvaluator
{
    private static readonly IReadOnlyList<string> NoTeams = [];
    private readonly AccessPolicyProvider _policies;
    private readonly IRoleStore _store;
    private readonly IRowScopeResolver _resolver;
    private readonly IAuditTrail _audit;
    private readonly AccessStateVersion _state;
    private readonly RoleUsageTracker _usage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DecisionCache _cache;

    public AccessEvaluator(
        AccessPolicyProvider policies,
        IRoleStore store,
        IRowScopeResolver resolver,
        IAuditTrail audit,
        AccessStateVersion state,
        RoleUsageTracker usage,
        TimeProvider time,
        ILogger<AccessEvaluator> logger)
    {
        _policies = policies;
        _store = store;
        _resolver = resolver;
        _audit = audit;
        _state = state;
        _usage = usage;
        _time = time;
        _logger = logger;
        _cache = new DecisionCache(_policies.Current, state.Value);
    }

    public ValueTask<AccessDecision> EvaluateAsync(PrivacyActor actor, Permission permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckPermission(permission);
        var decision = TryCached(actor, permission, out var cache, out var now);
        if (decision is not null)
        {
            return decision.IsAllowed ? new(decision) : AuditDenialAsync(actor, decision, null, cancellationToken);
        }

        return EvaluateUncachedAsync(actor, permission, cache, now, null, cancellationToken);
    }

    public async ValueTask<AccessDecision> EvaluateInstanceAsync(PrivacyActor actor, Permission permission, object instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(instance);
        CheckPermission(permission);
        var decision = TryCached(actor, permission, out var cache, out var now)
            ?? await DecideAsync(actor, permission, cache, now, cancellationToken).ConfigureAwait(false);
        if (decision.IsAllowed && decision.Rows.Scope != RowScope.All)
        {
            var binding = _resolver.GetBinding(instance.GetType()) ?? throw Error.NoRowScopeBinding(instance.GetType(), permission);
            if (!decision.Rows.Matches(instance, binding))
            {
                decision = new AccessDecision(
                    actor.Id,
                    permission,
                    AccessDecisionReason.OutOfScope,
                    $"The {instance.GetType().Name} lies outside row scope {decision.Rows.Scope} granted by {string.Join(", ", decision.GrantingRoles)}.",
                    decision.HeldRoles,
                    [],
                    DeniedRows(actor),
                    FieldObligations.HideAll,
                    decision.PolicyVersion);
            }
        }

        return decision.IsAllowed ? decision : await AuditDenialAsync(actor, decision, instance.GetType().Name, cancellationToken).ConfigureAwait(false);
    }

    public void InvalidateCache() => _state.Increment();

    private static void CheckPermission(Permission permission)
    {
        if (permission.IsEmpty)
        {
            throw new ArgumentException("The permission is empty; create it with Permission.Parse(\"resource:action\").", nameof(permission));
        }
    }

    private static RowFilter DeniedRows(PrivacyActor actor) => new(RowScope.None, actor.Id, NoTeams, actor.TenantId);

    private AccessDecision? TryCached(PrivacyActor actor, Permission permission, out DecisionCache cache, out long now)
    {
        cache = CurrentCache();
        now = _time.GetUtcNow().UtcTicks;
        if (!cache.TryGet(actor.Id, permission, out var entry)
            || now >= entry.ValidUntilUtcTicks
            || !string.Equals(entry.TenantId, actor.TenantId, StringComparison.Ordinal)
            || (cache.Policy.TrustClaimedRoles && !SameRoles(entry.ClaimedRoles, actor.Roles)))
        {
            return null;
        }

        foreach (var slot in entry.Usage)
        {
            slot.Touch(now);
        }

        return entry.Decision;
    }

    private static bool SameRoles(IReadOnlyList<string> cached, IReadOnlyList<string> claimed) =>
        ReferenceEquals(cached, claimed) || cached.SequenceEqual(claimed, StringComparer.Ordinal);

    private DecisionCache CurrentCache()
    {
        var cache = Volatile.Read(ref _cache);
        var policy = _policies.Current;
        var version = _state.Value;
        if (ReferenceEquals(cache.Policy, policy) && cache.StateVersion == version)
        {
            return cache;
        }

        // A generation is built from one snapshot and one state version; decisions made from it land in
        // it and are dropped with it, so a reload can never leave a decision of the old definitions cached.
        var fresh = new DecisionCache(policy, version);
        Interlocked.CompareExchange(ref _cache, fresh, cache);
        return fresh;
    }

    private async ValueTask<AccessDecision> EvaluateUncachedAsync(PrivacyActor actor, Permission permission, DecisionCache cache, long now, string? resourceType, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(actor, permission, cache, now, cancellationToken).ConfigureAwait(false);
        return decision.IsAllowed ? decision : await AuditDenialAsync(actor, decision, resourceType, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AccessDecision> DecideAsync(PrivacyActor actor, Permission permission, DecisionCache cache, long now, CancellationToken cancellationToken)
    {
        var policy = cache.Policy;
        var assignments = await _store.GetAssignmentsAsync(actor.Id, cancellationToken).ConfigureAwait(false);
        var lifetime = policy.CacheLifetime.Ticks;
        var validUntil = lifetime > 0 ? now + lifetime : long.MinValue;
        var nowTime = new DateTimeOffset(now, TimeSpan.Zero);
        var held = new List<(EffectiveRole Role, string? AssignmentId)>();
        foreach (var assignment in assignments)
        {
            if (assignment.RevokedAt is not null || !policy.Roles.TryGetValue(assignment.Role, out var role))
            {
                continue;
            }

            if (assignment.StartsAt is { } starts && starts > nowTime)
            {
                validUntil = Math.Min(validUntil, starts.UtcTicks);
                continue;
            }

            if (assignment.ExpiresAt is { } expires)
            {
                if (expires <= nowTime)
                {
                    continue;
                }

                validUntil = Math.Min(validUntil, expires.UtcTicks);
            }

            held.Add((role, assignment.Id));
        }

        if (policy.TrustClaimedRoles)
        {
            foreach (var claimed in actor.Roles)
            {
                if (policy.Roles.TryGetValue(claimed, out var role) && !held.Exists(h => ReferenceEquals(h.Role, role)))
                {
                    held.Add((role, null));
                }
            }
        }

        var decision = Decide(actor, permission, policy, held, out var usage);
        if (validUntil > now)
        {
            cache.Set(actor.Id, permission, new DecisionCache.Entry(decision, validUntil, actor.TenantId, actor.Roles, usage));
        }

        foreach (var slot in usage)
        {
            slot.Touch(now);
        }

        return decision;
    }

    private AccessDecision Decide(PrivacyActor actor, Permission permission, AccessPolicy policy, List<(EffectiveRole Role, string? AssignmentId)> held, out RoleUsageTracker.Slot[] usage)
    {
        string[] heldRoles = [.. held.Select(h => h.Role.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
        var granting = held.Where(h => h.Role.Grants(permission)).ToList();
        if (granting.Count == 0)
        {
            usage = [];
            var detail = heldRoles.Length == 0
                ? "The actor holds no active role."
                : $"None of the actor's roles ({string.Join(", ", heldRoles)}) grants it.";
            return new AccessDecision(actor.Id, permission, AccessDecisionReason.NotGranted, detail, heldRoles, [], DeniedRows(actor), FieldObligations.HideAll, policy.Version);
        }

        var scope = granting.Max(g => g.Role.ScopeFor(permission.Resource));
        var teams = scope == RowScope.Team ? _resolver.GetTeamIds(actor) : NoTeams;
        var fields = new FieldObligations([.. granting.SelectMany(g => g.Role.FieldRules).Distinct().Select(r => (r, r.PropertiesOf(permission.Resource)))]);
        string[] grantingRoles = [.. granting.Select(g => g.Role.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
        usage = [.. granting.Where(g => g.AssignmentId is not null).Select(g => _usage.GetSlot(g.AssignmentId!))];
        return new AccessDecision(
            actor.Id,
            permission,
            AccessDecisionReason.Granted,
            $"Granted by {string.Join(", ", grantingRoles)} with row scope {scope}.",
            heldRoles,
            grantingRoles,
            new RowFilter(scope, actor.Id, [.. teams], actor.TenantId),
            fields,
            policy.Version);
    }

    private async ValueTask<AccessDecision> AuditDenialAsync(PrivacyActor actor, AccessDecision decision, string? resourceType, CancellationToken cancellationToken)
    {
        AccessLog.AccessDenied(_logger, actor.Id, decision.Permission, decision.Reason);
        await _audit.RecordAsync(
            new AuditEvent
            {
                Kind = AuditEventKind.AccessDenied,
                Action = decision.Permission.ToString(),
                ActorId = actor.Id,
                ActorRoles = decision.HeldRoles,
                OnBehalfOf = actor.OnBehalfOf,
                ResourceType = resourceType ?? decision.Permission.Resource,
                Outcome = AuditOutcome.Denied,
                Reason = decision.Reason.ToString(),
                Timestamp = _time.GetUtcNow(),
                Properties = new Dictionary<string, string>(1)
                {
                    ["policyVersion"] = decision.PolicyVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return decision;
    }
}
