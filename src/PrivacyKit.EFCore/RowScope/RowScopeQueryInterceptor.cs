using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Carries the row-scope runtime to the filter's parameters and fails closed: a query over an entity type that has a
/// row-scope binding but whose model lacks the row-scope filter is refused instead of returning every row.
/// </summary>
internal sealed class RowScopeQueryInterceptor(RowScopeRuntime runtime) : IQueryExpressionInterceptor
{
    public RowScopeRuntime Runtime { get; } = runtime;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        new RootChecker(Runtime).Visit(queryExpression);
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
                throw new InvalidOperationException(
                    $"Entity type '{root.EntityType.DisplayName()}' has a PrivacyKit row-scope binding but its model has no row-scope filter: "
                    + "configure the context with UsePrivacyKit(serviceProvider) so the model gets it.");
            }

            return node is EntityQueryRootExpression ? node : base.VisitExtension(node);
        }
    }
}
