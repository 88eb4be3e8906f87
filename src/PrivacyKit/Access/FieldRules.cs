using System.Collections.Frozen;

namespace PrivacyKit.Access;

/// <summary>The field access of one effective role: per classification name, a default, and per resource and property.</summary>
internal sealed class FieldRules(
    FrozenDictionary<string, FieldAccess> byClassification,
    FieldAccess defaultAccess,
    FrozenDictionary<string, FrozenDictionary<string, FieldAccess>> byResourceProperty)
{
    private static readonly FrozenDictionary<string, FieldAccess> NoProperties =
        FrozenDictionary<string, FieldAccess>.Empty.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public FrozenDictionary<string, FieldAccess> ByClassification { get; } = byClassification;

    public FieldAccess Default { get; } = defaultAccess;

    public FrozenDictionary<string, FrozenDictionary<string, FieldAccess>> ByResourceProperty { get; } = byResourceProperty;

    public FrozenDictionary<string, FieldAccess> PropertiesOf(string resource) =>
        ByResourceProperty.TryGetValue(resource, out var properties) ? properties : NoProperties;

    public FieldAccess For(string classification) =>
        ByClassification.TryGetValue(classification, out var access) ? access : Default;
}
