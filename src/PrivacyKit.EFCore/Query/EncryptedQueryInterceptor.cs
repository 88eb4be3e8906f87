using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyKit.EFCore.Infrastructure;

namespace PrivacyKit.EFCore.Query;

/// <summary>
/// Rewrites each LINQ query before EF compiles it: encrypted properties read in the final projection are decrypted on
/// the client, and any other use of them (filters, ordering, grouping, joins, ExecuteUpdate) is refused with
/// <see cref="EncryptedQueryNotSupportedException"/>. Runs once per distinct query shape (EF caches the result).
/// </summary>
internal sealed class EncryptedQueryInterceptor : IQueryExpressionInterceptor
{
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is not { } context || PrivacyKitRuntime.For(context) is not { } runtime)
        {
            return queryExpression;
        }

        // The field-access entities are part of the internal service provider's key, so this cached rewrite only
        // serves contexts with the same set.
        return new EncryptedQueryRewriter(context.Model, runtime.Settings.FieldAccess.Keys.ToHashSet()).Rewrite(queryExpression);
    }
}
