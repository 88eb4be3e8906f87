namespace PrivacyKit.Classification;

internal static class PostureCheck
{
    public static IReadOnlyList<PostureFinding> Run(DataMap map)
    {
        var findings = new List<PostureFinding>();
        foreach (var entity in map.Entities)
        {
            var personal = entity.Fields.Where(f => !f.IsSubjectId).ToList();
            if (personal.Count > 0 && entity.SubjectIdProperty is null)
            {
                findings.Add(new PostureFinding
                {
                    Kind = PostureFindingKind.NoSubjectLink,
                    Severity = PostureSeverity.High,
                    EntityType = entity.Name,
                    Message = $"{entity.Name} holds personal data but no property is marked [DataSubjectId]; mark the property that identifies the customer so requests, holds and erasure can find the data.",
                });
            }

            foreach (var field in entity.Fields)
            {
                if (field.IsSensitive && (field.Protection & FieldProtection.Encrypted) == 0)
                {
                    findings.Add(new PostureFinding
                    {
                        Kind = PostureFindingKind.SensitiveDataInClear,
                        Severity = PostureSeverity.High,
                        EntityType = entity.Name,
                        Property = field.Name,
                        Message = $"{entity.Name}.{field.Name} is sensitive personal data stored in clear; add [Encrypted].",
                    });
                }

                if ((field.Protection & FieldProtection.BlindIndex) != 0 && field.IsLowCardinality)
                {
                    findings.Add(new PostureFinding
                    {
                        Kind = PostureFindingKind.LowCardinalityBlindIndex,
                        Severity = PostureSeverity.Medium,
                        EntityType = entity.Name,
                        Property = field.Name,
                        Message = $"{entity.Name}.{field.Name} has a blind index but only a few distinct values ({field.DataType}), so the index reveals the value; remove [BlindIndex].",
                    });
                }
            }

            if (entity.Retention is null)
            {
                var unretained = personal.Where(f => f.Retention is null).Select(f => f.Name).ToList();
                if (unretained.Count > 0)
                {
                    findings.Add(new PostureFinding
                    {
                        Kind = PostureFindingKind.PersonalDataWithoutRetention,
                        Severity = PostureSeverity.Medium,
                        EntityType = entity.Name,
                        Message = $"{entity.Name} keeps personal data ({string.Join(", ", unretained)}) with no retention rule; add [Retention] to the entity or the fields, or configure one.",
                    });
                }
            }
        }

        return [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.EntityType, StringComparer.Ordinal)
            .ThenBy(f => f.Property ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Kind)];
    }
}
