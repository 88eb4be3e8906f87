using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Classification;

namespace PrivacyKit.Access;

/// <summary>Validates <see cref="AccessControlOptions"/> and folds them into an <see cref="AccessPolicy"/>.</summary>
internal static class AccessPolicyCompiler
{
    private static readonly FrozenSet<string> KnownClassifications = typeof(PrivacyClassifications)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(DataClassification))
        .Select(p => ((DataClassification)p.GetValue(null)!).Value)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Validate(AccessControlOptions options) => Compile(options, 0, out _);

    /// <summary>Compiles the options; returns the problems found (each naming its configuration key), empty on success.</summary>
    public static IReadOnlyList<string> Compile(AccessControlOptions options, long version, out AccessPolicy? policy)
    {
        policy = null;
        var path = options.ConfigurationPath.Length == 0 ? string.Empty : options.ConfigurationPath + ":";
        var errors = new List<string>(options.ConfigurationErrors);
        CheckSettings(options, path, errors);
        foreach (var (name, role) in options.Roles)
        {
            CheckRole(options, path, name, role, errors);
        }

        CheckCycles(options, path, errors);
        var conflictSets = CheckConflictSets(options, path, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var rules = options.Roles.ToDictionary(r => r.Key, r => BuildRules(r.Value), StringComparer.OrdinalIgnoreCase);
        var roles = new Dictionary<string, EffectiveRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Roles.Keys)
        {
            var closure = Closure(options, name);
            var effective = Fold(options, name, closure, rules);
            roles[name] = effective;
            CheckInheritedConflicts(path, effective, conflictSets, errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        policy = new AccessPolicy(version, roles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), conflictSets, options);
        return errors;
    }

    private static void CheckSettings(AccessControlOptions options, string path, List<string> errors)
    {
        if (options.DecisionCacheLifetime < TimeSpan.Zero)
        {
            errors.Add($"{path}DecisionCacheLifetime must be zero (no caching) or positive.");
        }

        if (options.DecisionCacheSize < 1)
        {
            errors.Add($"{path}DecisionCacheSize must be at least 1.");
        }

        if (options.UnusedAfter <= TimeSpan.Zero)
        {
            errors.Add($"{path}UnusedAfter must be positive.");
        }
    }

    private static void CheckRole(AccessControlOptions options, string path, string name, RoleDefinition? role, List<string> errors)
    {
        var at = $"{path}Roles:{name}";
        if (!Permission.IsName(name))
        {
            errors.Add($"{at} is not a valid role name: use 1 to 100 letters, digits, '-', '_' or '.'.");
        }

        if (role is null)
        {
            errors.Add($"{at} is empty: give the role permissions or parents.");
            return;
        }

        for (var i = 0; i < role.Inherits.Count; i++)
        {
            if (!options.Roles.ContainsKey(role.Inherits[i] ?? string.Empty))
            {
                errors.Add($"{at}:Inherits:{i} names unknown role '{role.Inherits[i]}'.");
            }
        }

        for (var i = 0; i < role.Permissions.Count; i++)
        {
            if (!Permission.TryParse(role.Permissions[i], out _))
            {
                errors.Add($"{at}:Permissions:{i} is not a permission ('{role.Permissions[i]}'): write 'resource:action' (e.g. 'customers:read') or 'resource:*'.");
            }
        }

        foreach (var (resource, scope) in role.Scopes)
        {
            if (!Permission.IsName(resource))
            {
                errors.Add($"{at}:Scopes:{resource} is not a resource name: use letters, digits, '-', '_' or '.'.");
            }

            if (scope is not (RowScope.Own or RowScope.Team or RowScope.Tenant or RowScope.All))
            {
                errors.Add($"{at}:Scopes:{resource} must be Own, Team, Tenant or All.");
            }
        }

        foreach (var (classification, access) in role.Fields)
        {
            if (classification != AccessPolicy.AnyClassification && !KnownClassifications.Contains(classification))
            {
                errors.Add($"{at}:Fields:{classification} names unknown classification '{classification}': use one of {string.Join(", ", KnownClassifications.Order(StringComparer.Ordinal))} or '*'.");
            }

            CheckAccess($"{at}:Fields:{classification}", access, errors);
        }

        foreach (var (key, access) in role.Properties)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == key.Length - 1 || !Permission.IsName(key[..dot]) || !key.AsSpan(dot + 1).ContainsAnyExcept('.'))
            {
                errors.Add($"{at}:Properties:{key} must be 'resource.Property', e.g. 'customers.Email'.");
            }

            CheckAccess($"{at}:Properties:{key}", access, errors);
        }
    }

    private static void CheckAccess(string at, FieldAccess access, List<string> errors)
    {
        if (!Enum.IsDefined(access))
        {
            errors.Add($"{at} must be Hidden, Masked or Clear.");
        }
    }

    private static void CheckCycles(AccessControlOptions options, string path, List<string> errors)
    {
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var stack = new List<string>();
        foreach (var name in options.Roles.Keys)
        {
            Visit(name);
        }

        void Visit(string name)
        {
            if (state.GetValueOrDefault(name) != 0)
            {
                return;
            }

            state[name] = 1;
            stack.Add(name);
            var inherits = options.Roles[name]?.Inherits ?? [];
            for (var i = 0; i < inherits.Count; i++)
            {
                var parent = inherits[i];
                if (parent is null || !options.Roles.TryGetValue(parent, out _))
                {
                    continue;
                }

                var parentKey = options.Roles.Keys.First(k => string.Equals(k, parent, StringComparison.OrdinalIgnoreCase));
                if (state.GetValueOrDefault(parentKey) == 1)
                {
                    var start = stack.FindIndex(s => string.Equals(s, parentKey, StringComparison.OrdinalIgnoreCase));
                    var cycle = string.Join(" -> ", stack.Skip(start).Append(parentKey));
                    errors.Add($"{path}Roles:{name}:Inherits:{i} makes an inheritance cycle ({cycle}): a role may not inherit from itself.");
                }
                else
                {
                    Visit(parentKey);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = 2;
        }
    }

    private static List<FrozenSet<string>> CheckConflictSets(AccessControlOptions options, string path, List<string> errors)
    {
        var sets = new List<FrozenSet<string>>();
        for (var i = 0; i < options.ConflictingRoles.Count; i++)
        {
            var set = options.ConflictingRoles[i] ?? [];
            var distinct = set.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (distinct < 2)
            {
                errors.Add($"{path}ConflictingRoles:{i} must name at least two different roles.");
            }

            for (var j = 0; j < set.Count; j++)
            {
                if (!options.Roles.ContainsKey(set[j] ?? string.Empty))
                {
                    errors.Add($"{path}ConflictingRoles:{i}:{j} names unknown role '{set[j]}'.");
                }
            }

            sets.Add(set.Where(r => r is not null).ToFrozenSet(StringComparer.OrdinalIgnoreCase));
        }

        return sets;
    }

    private static void CheckInheritedConflicts(string path, EffectiveRole role, List<FrozenSet<string>> sets, List<string> errors)
    {
        for (var i = 0; i < sets.Count; i++)
        {
            var both = role.Closure.Where(sets[i].Contains).Order(StringComparer.OrdinalIgnoreCase).Take(2).ToArray();
            if (both.Length == 2)
            {
                errors.Add($"{path}Roles:{role.Name} holds roles '{both[0]}' and '{both[1]}' through inheritance, which {path}ConflictingRoles:{i} declares conflicting.");
            }
        }
    }

    private static List<string> Closure(AccessControlOptions options, string name)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var pending = new Stack<string>();
        pending.Push(name);
        while (pending.TryPop(out var current))
        {
            var key = options.Roles.Keys.First(k => string.Equals(k, current, StringComparison.OrdinalIgnoreCase));
            if (!seen.Add(key))
            {
                continue;
            }

            order.Add(key);
            foreach (var parent in options.Roles[key].Inherits)
            {
                pending.Push(parent);
            }
        }

        return order;
    }

    private static EffectiveRole Fold(AccessControlOptions options, string name, List<string> closure, Dictionary<string, FieldRules> rules)
    {
        var permissions = new HashSet<Permission>();
        var scopes = new Dictionary<string, RowScope>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in closure)
        {
            var definition = options.Roles[member];
            foreach (var text in definition.Permissions)
            {
                permissions.Add(Permission.Parse(text));
            }

            foreach (var (resource, scope) in definition.Scopes)
            {
                var key = resource.ToLowerInvariant();
                scopes[key] = scopes.TryGetValue(key, out var existing) && existing > scope ? existing : scope;
            }
        }

        return new EffectiveRole(
            name,
            closure.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            permissions.ToFrozenSet(),
            scopes.ToFrozenDictionary(StringComparer.Ordinal),
            [.. closure.Select(m => rules[m])]);
    }

    private static FieldRules BuildRules(RoleDefinition definition)
    {
        var byClassification = definition.Fields
            .Where(f => f.Key != AccessPolicy.AnyClassification)
            .ToFrozenDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
        var defaultAccess = definition.Fields.TryGetValue(AccessPolicy.AnyClassification, out var d) ? d : FieldAccess.Hidden;
        var byResource = definition.Properties
            .Select(p => (Resource: p.Key[..p.Key.IndexOf('.', StringComparison.Ordinal)].ToLowerInvariant(), Property: p.Key[(p.Key.IndexOf('.', StringComparison.Ordinal) + 1)..], Access: p.Value))
            .GroupBy(p => p.Resource, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.ToFrozenDictionary(p => p.Property, p => p.Access, StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal);
        return new FieldRules(byClassification, defaultAccess, byResource);
    }
}
