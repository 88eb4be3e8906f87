using PrivacyKit.Access;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Infrastructure;

namespace PrivacyKit.EFCore.Masking;

/// <summary>
/// Applies the field obligations of the ambient actor's access decision to loaded entities: strings masked with
/// <see cref="FieldMask.Auto"/>, other masked values and hidden values set to their default. Thread-safe.
/// </summary>
internal static class FieldMasking
{
    /// <summary>The obligations for an entity type now, or <see langword="null"/> when nothing is to be masked.</summary>
    public static FieldObligations? ObligationsFor(PrivacyKitRuntime runtime, ProtectedEntity plan)
    {
        if (plan.Maskable.Count == 0
            || FieldAccessSuppression.IsActive
            || runtime.AccessEvaluator is null
            || runtime.ContextAccessor?.Current is not { } context
            || !runtime.Settings.FieldAccess.TryGetValue(plan.ResourceType, out var permission))
        {
            return null;
        }

        // Materialization is synchronous; decisions are cached by the evaluator, so this rarely waits.
        var pending = runtime.AccessEvaluator.EvaluateAsync(context.Actor, permission);
        var decision = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return decision.Fields.IsAllClear ? null : decision.Fields;
    }

    /// <summary>Masks or hides the properties of <paramref name="entity"/> the obligations do not show in clear, and remembers which.</summary>
    public static void Apply(object entity, ProtectedEntity plan, FieldObligations obligations)
    {
        foreach (var property in plan.Maskable)
        {
            var access = obligations.GetAccess(property.Classification, property.Name);
            if (access == FieldAccess.Clear)
            {
                continue;
            }

            var type = property.ClrProperty.PropertyType;
            var empty = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
            var value = access == FieldAccess.Masked && property.ClrProperty.GetValue(entity) is string text ? FieldMask.Auto(text) : empty;
            property.ClrProperty.SetValue(entity, value);
            PlaintextSnapshots.MarkMasked(entity, property.Name);
        }
    }
}
