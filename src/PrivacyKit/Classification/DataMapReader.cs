using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Internal;
using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>Reads one annotated CLR type into a <see cref="DataMapEntity"/>.</summary>
internal static class DataMapReader
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static DataMapEntity Read(Type type)
    {
        var entityName = type.Name;
        var members = Members(type);
        var fields = new List<DataMapField>();
        foreach (var member in members)
        {
            var field = ReadMember(type, member, members);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        var subjectIds = fields.Where(f => f.IsSubjectId).Select(f => f.Name).ToList();
        if (subjectIds.Count > 1)
        {
            throw Error.DuplicateSubjectId(entityName, subjectIds);
        }

        var retention = type.GetCustomAttribute<RetentionAttribute>(inherit: true);
        return new DataMapEntity
        {
            Name = entityName,
            ClrType = type,
            SubjectIdProperty = subjectIds.Count == 1 ? subjectIds[0] : null,
            Purposes = Purposes(type, entityName, null),
            Retention = retention is null ? null : ReadRetention(type, null, retention, members),
            Fields = fields,
        };
    }

    private static List<MemberInfo> Members(Type type)
    {
        // Base class members first, each level in declaration order, so the map reads like the code.
        var levels = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            levels.Push(t);
        }

        var members = new List<MemberInfo>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        while (levels.Count > 0)
        {
            var level = levels.Pop();
            foreach (var member in level.GetProperties(Declared).Cast<MemberInfo>()
                .Concat(level.GetFields(Declared).Where(f => f.IsPublic))
                .OrderBy(m => m.MetadataToken))
            {
                if (positions.TryGetValue(member.Name, out var position))
                {
                    members[position] = member; // an override or 'new' member keeps the base position
                }
                else
                {
                    positions[member.Name] = members.Count;
                    members.Add(member);
                }
            }
        }

        return members;
    }

    private static DataMapField? ReadMember(Type type, MemberInfo member, List<MemberInfo> members)
    {
        var entityName = type.Name;
        var classifications = member.GetCustomAttributes<DataClassificationAttribute>(inherit: true).ToList();
        var subjectId = member.IsDefined(typeof(DataSubjectIdAttribute), inherit: true);
        var encrypted = member.IsDefined(typeof(EncryptedAttribute), inherit: true);
        var blindIndex = member.GetCustomAttribute<BlindIndexAttribute>(inherit: true);
        var retention = member.GetCustomAttribute<RetentionAttribute>(inherit: true);
        var hasPurpose = member.IsDefined(typeof(PurposeAttribute), inherit: true);

        if (classifications.Count > 1)
        {
            throw Error.MultipleClassifications(entityName, member.Name);
        }

        if (classifications.Count == 0 && !subjectId)
        {
            if (encrypted || blindIndex is not null || retention is not null || hasPurpose)
            {
                throw Error.UnclassifiedProtectedField(entityName, member.Name);
            }

            return null;
        }

        if (blindIndex is not null && !encrypted)
        {
            throw Error.BlindIndexWithoutEncryption(entityName, member.Name);
        }

        var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        var classification = classifications.Count == 1 ? classifications[0] : null;
        var protection = (encrypted ? FieldProtection.Encrypted : FieldProtection.Clear) |
                         (blindIndex is not null ? FieldProtection.BlindIndex : FieldProtection.Clear);
        return new DataMapField
        {
            Name = member.Name,
            DataType = TypeNames.Describe(member, memberType),
            Classification = classification?.Classification ?? PrivacyClassifications.Identifier,
            IsSubjectId = subjectId,
            Protection = protection,
            BlindIndexName = blindIndex is null ? null : blindIndex.Name ?? member.Name,
            BlindIndexNormaliser = blindIndex?.Normaliser,
            IsLowCardinality = IsLowCardinality(memberType),
            Purposes = [.. Purposes(type, entityName, null).Concat(Purposes(member, entityName, member.Name)).Distinct(StringComparer.Ordinal)],
            Retention = retention is null ? null : ReadRetention(type, member.Name, retention, members),
            Notes = string.IsNullOrEmpty(classification?.Notes) ? null : classification.Notes,
        };
    }

    private static List<string> Purposes(MemberInfo member, string entityName, string? propertyName)
    {
        var purposes = new List<string>();
        foreach (var attribute in member.GetCustomAttributes<PurposeAttribute>(inherit: true))
        {
            if (string.IsNullOrWhiteSpace(attribute.PurposeId))
            {
                throw Error.EmptyPurposeAttribute(entityName, propertyName);
            }

            if (!purposes.Contains(attribute.PurposeId, StringComparer.Ordinal))
            {
                purposes.Add(attribute.PurposeId);
            }
        }

        return purposes;
    }

    private static RetentionPolicy ReadRetention(Type type, string? propertyName, RetentionAttribute attribute, List<MemberInfo> members)
    {
        var entityName = type.Name;
        if (!IsoDuration.TryParse(attribute.Period, out var period, out var error))
        {
            throw Error.MalformedRetentionPeriod(entityName, propertyName, error);
        }

        if (period.IsZero)
        {
            throw Error.ZeroRetentionPeriod(entityName, propertyName);
        }

        if (string.IsNullOrWhiteSpace(attribute.From))
        {
            throw Error.RetentionFromMissing(entityName, propertyName);
        }

        var from = members.Find(m => string.Equals(m.Name, attribute.From, StringComparison.Ordinal));
        var fromType = from switch
        {
            PropertyInfo p => p.PropertyType,
            FieldInfo f => f.FieldType,
            _ => null,
        };
        fromType = fromType is null ? null : Nullable.GetUnderlyingType(fromType) ?? fromType;
        if (fromType != typeof(DateTimeOffset) && fromType != typeof(DateTime) && fromType != typeof(DateOnly))
        {
            throw Error.RetentionFromInvalid(entityName, propertyName, attribute.From);
        }

        var action = attribute.ExplicitAction ?? (propertyName is null ? RetentionAction.Delete : RetentionAction.Anonymise);
        if (propertyName is not null && action != RetentionAction.Anonymise)
        {
            throw Error.FieldRetentionAction(entityName, propertyName, action);
        }

        return new RetentionPolicy
        {
            EntityType = entityName,
            Property = propertyName,
            Period = period,
            From = attribute.From,
            Action = action,
            Source = RetentionPolicySource.Attribute,
        };
    }

    private static bool IsLowCardinality(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) || type.IsEnum || type == typeof(byte) || type == typeof(sbyte) || type == typeof(char);
    }
}
