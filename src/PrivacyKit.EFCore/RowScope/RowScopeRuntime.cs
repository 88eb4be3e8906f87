using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Context;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Decides, at each execution of a query, which rows of a scoped entity type the ambient actor reaches: the
/// <see cref="RowFilter"/> of the actor's decision for the type's read permission. No actor or no grant reaches nothing.
/// Thread-safe. Added to a context as an ordinary interceptor so the process-wide filter parameters and
/// <see cref="RowScopeQueryInterceptor"/> find the application's services.
/// </summary>
internal sealed class RowScopeRuntime(
    IAccessEvaluator evaluator,
    IRowScopeResolver resolver,
    IPrivacyContextAccessor accessor,
    IAuditTrail trail,
    IOptions<PrivacyRowScopeOptions> options,
    ILogger<RowScopeRuntime> logger) : IInterceptor
{
    public IRowScopeResolver Resolver => resolver;

    public IAuditTrail Trail => trail;

    public IPrivacyContextAccessor Accessor => accessor;

    public ILogger Logger => logger;

    public Permission PermissionFor(Type entityType) => options.Value.PermissionFor(entityType);

    /// <summary>The current actor's row filter for <paramref name="entityType"/>, or <see langword="null"/> when it reaches nothing.</summary>
    public RowFilter? Current(Type entityType)
    {
        if (accessor.Current?.Actor is not { } actor)
        {
            return null;
        }

        var pending = evaluator.EvaluateAsync(actor, PermissionFor(entityType));

        // Query parameters are computed synchronously; decisions are normally served from the evaluator's cache.
        var decision = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return decision.IsAllowed && decision.Rows.Scope != Access.RowScope.None ? decision.Rows : null;
    }
}
