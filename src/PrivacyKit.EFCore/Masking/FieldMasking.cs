using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
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
    // Contexts that PrivacyKit's own processing (subject requests, retention) uses while it runs: they load and save
    // the stored values, whoever the ambient actor is. Masked values there would be exported masked, and a masked
    // property is never written, so an erasure or rectification would silently keep the old value.
    private static readonly ConditionalWeakTable<DbContext, StrongBox<int>> Suspended = [];

    /// <summary>Turns field masking off for <paramref name="context"/> until the result is disposed (nestable).</summary>
    public static IDisposable Suspend(DbContext context)
    {
        var count = Suspended.GetOrCreateValue(context);
        Interlocked.Increment(ref count.Value);
        return new Resume(count);
    }

    /// <summary>The obligations for an entity type now, or <see langword="null"/> when nothing is to be masked.</summary>
    public static FieldObligations? ObligationsFor(PrivacyKitRuntime runtime, ProtectedEntity plan, DbContext context)
    {
        if (plan.Maskable.Count == 0
            || runtime.AccessEvaluator is null
            || !runtime.Settings.FieldAccess.TryGetValue(plan.ResourceType, out var permission)
            || runtime.ContextAccessor?.Current is not { } privacyContext
            || (Suspended.TryGetValue(context, out var suspended) && Volatile.Read(ref suspended.Value) > 0))
        {
            return null;
        }

        // Materialization is synchronous; decisions are cached by the evaluator, so this rarely waits.
        var pending = runtime.AccessEvaluator.EvaluateAsync(privacyContext.Actor, permission);
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

    private sealed class Resume(StrongBox<int> count) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref count.Value);
            }
        }
    }
}
