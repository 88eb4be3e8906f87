using PrivacyKit.Classification;

namespace PrivacyKit.Retention;

/// <summary>Merges retention rules from the data map (attributes) and configuration.</summary>
internal static class RetentionPolicies
{
    public static RetentionPolicy FromRule(RetentionRule rule) => new()
    {
        EntityType = rule.EntityType,
        Property = rule.Property,
        Period = IsoDuration.Parse(rule.Period),
        From = rule.From,
        Action = rule.Action,
        Source = RetentionPolicySource.Configuration,
    };

    public static IReadOnlyList<RetentionPolicy> Merge(DataMap map, RetentionOptions options)
    {
        var merged = new Dictionary<(string Entity, string? Property), RetentionPolicy>();
        foreach (var entity in map.Entities)
        {
            if (entity.Retention is { } r)
            {
                merged[(entity.Name, null)] = r;
            }

            foreach (var field in entity.Fields)
            {
                if (field.Retention is { } fr)
                {
                    merged[(entity.Name, field.Name)] = fr;
                }
            }
        }

        foreach (var rule in options.Rules)
        {
            merged[(rule.EntityType, rule.Property)] = FromRule(rule);
        }

        return [.. merged.Values
            .OrderBy(p => p.EntityType, StringComparer.Ordinal)
            .ThenBy(p => p.Property ?? string.Empty, StringComparer.Ordinal)];
    }
}
