using System.Collections.Frozen;
using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Classification;

namespace PrivacyKit.Access;

/// <summary>
/// The field obligations of an <see cref="AccessDecision"/>: for each classified property of the
/// resource, whether it is shown in clear, masked or hidden. Adapters ask per property, with the
/// property's classification and name.
/// </summary>
/// <remarks>
/// Unclassified data (<see cref="DataClassification.None"/>) is always <see cref="FieldAccess.Clear"/>.
/// Classifications outside the <see cref="PrivacyClassifications"/> taxonomy, and
/// <see cref="DataClassification.Unknown"/>, get the roles' default access. When several roles grant the
/// permission, the most open access any of them gives a property wins. Instances are immutable.
/// </remarks>
public sealed class FieldObligations
{
    private readonly (FieldRules Rules, FrozenDictionary<string, FieldAccess> Properties)[] _grants;

    internal FieldObligations((FieldRules Rules, FrozenDictionary<string, FieldAccess> Properties)[] grants)
    {
        _grants = grants;

        // Exact for the usual case of one role; a safe under-approximation otherwise (false means "check each property").
        IsAllClear = Array.Exists(grants, g =>
            g.Rules.Default == FieldAccess.Clear
            && g.Rules.ByClassification.Values.All(a => a == FieldAccess.Clear)
            && g.Properties.Values.All(a => a == FieldAccess.Clear));
    }

    /// <summary>Gets obligations that hide every classified field (those of a denial).</summary>
    internal static FieldObligations HideAll { get; } = new([]);

    /// <summary>Gets a value indicating whether every field is <see cref="FieldAccess.Clear"/>, so an adapter can skip per-property work.</summary>
    public bool IsAllClear { get; }

    /// <summary>Gets how a property is shown.</summary>
    /// <param name="classification">The property's classification.</param>
    /// <param name="propertyName">The property's name, for property-level rules; <see langword="null"/> to use the classification alone.</param>
    /// <returns>The access.</returns>
    public FieldAccess GetAccess(DataClassification classification, string? propertyName = null)
    {
        if (classification == DataClassification.None)
        {
            return FieldAccess.Clear;
        }

        var key = string.Equals(classification.TaxonomyName, PrivacyClassifications.TaxonomyName, StringComparison.Ordinal)
            ? classification.Value
            : null;
        var result = FieldAccess.Hidden;
        foreach (var (rules, properties) in _grants)
        {
            FieldAccess access;
            if (propertyName is null || !properties.TryGetValue(propertyName, out access))
            {
                access = key is null ? rules.Default : rules.For(key);
            }

            if (access > result)
            {
                result = access;
            }
        }

        return result;
    }

    /// <summary>Applies the obligation to a string value: returns it, masks it with <see cref="FieldMask.Auto"/>, or withholds it.</summary>
    /// <param name="value">The value; <see langword="null"/> stays <see langword="null"/>.</param>
    /// <param name="classification">The property's classification.</param>
    /// <param name="propertyName">The property's name, or <see langword="null"/>.</param>
    /// <returns>The value, its masked form, or <see langword="null"/> when hidden.</returns>
    public string? Apply(string? value, DataClassification classification, string? propertyName = null)
    {
        if (value is null)
        {
            return null;
        }

        return GetAccess(classification, propertyName) switch
        {
            FieldAccess.Clear => value,
            FieldAccess.Masked => FieldMask.Auto(value),
            _ => null,
        };
    }
}
