using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Carries the row-scope runtime to the filter's parameters and fails closed: a query over an entity type that has a
/// row-scope binding but whose model lacks the row-scope filter is refused instead of returning every row. One
/// process-wide instance (EF Core keys its service provider on query-expression interceptors); the application's
/// resolver comes from the context's <see cref="RowScopeRuntime"/>.
/// </summary>
internal sealed class RowScopeQueryInterceptor : IQueryExpressionInterceptor
{
    private RowScopeQueryInterceptor()
    {
    }

    public static RowScopeQueryInterceptor Instance { get; } = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            new RootChecker(RowScopeParameters.Runtime(context)).Visit(queryExpression);
        }

        return queryExpression;
    }

    private sealed class RootChecker(RowScopeRuntime runtime) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root
                && runtime.Resolver.GetBinding(root.EntityType.ClrType) is not null
                && root.EntityType.GetRootType().FindDeclaredQueryFilter(RowScopeModel.FilterName) is null)
            {
                throw Error.RowScopeFilterMissing(root.EntityType.DisplayName());
            }

            return node is EntityQueryRootExpression ? node : base.VisitExtension(node);
        }
    }
}
