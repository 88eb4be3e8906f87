using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Query;

/// <summary>
/// Walks a query's operator chain from the outermost call inwards. The selector of a Select that nothing but
/// element operators (First, Take, ToList, AsNoTracking, ...) follows is the final projection: encrypted properties
/// there become <see cref="ProjectionReader.Read{TEntity, TValue}"/> calls over the entity. Encrypted properties
/// anywhere else are refused. Nested queries inside a projection follow the same rule. One instance per query.
/// </summary>
internal sealed class EncryptedQueryRewriter(IModel model, IReadOnlySet<Type> maskedResources)
{
    private static readonly HashSet<string> ElementOperators = new(StringComparer.Ordinal)
    {
        "Take", "Skip", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt",
        "ElementAtOrDefault", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery",
        "TagWith", "TagWithCallSite", "IgnoreQueryFilters", "IgnoreAutoIncludes", "ToList", "ToArray", "ToHashSet", "AsEnumerable",
        "AsQueryable", "Include", "ThenInclude",
    };

    private static readonly HashSet<Type> OperatorTypes =
    [
        typeof(Queryable), typeof(Enumerable), typeof(EntityFrameworkQueryableExtensions), typeof(RelationalQueryableExtensions),
    ];

    private readonly Dictionary<(Type, string), (IReadOnlyEntityType EntityType, string Property, bool Encrypted)?> _lookups = [];

    public Expression Rewrite(Expression query) => VisitChain(query, composedBy: null);

    /// <summary>Visits an operator chain; <paramref name="composedBy"/> names the operator that composes over this part (null: the result is returned).</summary>
    private Expression VisitChain(Expression node, string? composedBy)
    {
        if (node is not MethodCallExpression call || !IsOperator(call.Method) || call.Arguments.Count == 0)
        {
            return node;
        }

        var name = call.Method.Name;
        var arguments = call.Arguments.ToArray();
        if (name is "ExecuteUpdate" or "ExecuteUpdateAsync")
        {
            new ExecuteUpdateChecker(this).Visit(arguments[1]);
            arguments[0] = VisitChain(arguments[0], name);
            return call.Update(call.Object, arguments);
        }

        if (name == "Select" && AsLambda(arguments[1]) is { } selector)
        {
            arguments[0] = VisitChain(arguments[0], name);
            var body = composedBy is null
                ? new ProjectionRewriter(this).Visit(selector.Body)
                : new FilterChecker(this, composedBy, innerProjection: true).Visit(selector.Body);
            arguments[1] = Requote(arguments[1], Expression.Lambda(selector.Type, body, selector.Parameters));
            return call.Update(call.Object, arguments);
        }

        var passThrough = ElementOperators.Contains(name);
        for (var i = 1; i < arguments.Length; i++)
        {
            arguments[i] = AsLambda(arguments[i]) is { } lambda
                ? Requote(arguments[i], Expression.Lambda(lambda.Type, new FilterChecker(this, name, innerProjection: false).Visit(lambda.Body), lambda.Parameters))
                : VisitChain(arguments[i], name);
        }

        arguments[0] = VisitChain(arguments[0], passThrough ? composedBy : name);
        return call.Update(call.Object, arguments);
    }

    private static bool IsOperator(MethodInfo method) => method.DeclaringType is { } type && OperatorTypes.Contains(type);

    private static LambdaExpression? AsLambda(Expression argument) => argument switch
    {
        UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression quoted } => quoted,
        LambdaExpression lambda => lambda,
        _ => null,
    };

    private static Expression Requote(Expression original, LambdaExpression lambda) =>
        original.NodeType == ExpressionType.Quote ? Expression.Quote(lambda) : lambda;

    /// <summary>The encrypted property a member access reads, or <see langword="null"/>.</summary>
    private (IReadOnlyEntityType EntityType, string Property)? FindEncrypted(MemberExpression member) =>
        FindProtected(member) is { Encrypted: true } found ? (found.EntityType, found.Property) : null;

    /// <summary>The encrypted property, or the maskable clear property of an entity under field access, a member access reads.</summary>
    private (IReadOnlyEntityType EntityType, string Property, bool Encrypted)? FindProtected(MemberExpression member)
    {
        if (member.Expression is null || member.Member is not PropertyInfo)
        {
            return null;
        }

        var key = (member.Expression.Type, member.Member.Name);
        if (!_lookups.TryGetValue(key, out var found))
        {
            found = null;
            foreach (var entityType in model.GetEntityTypes().Where(t => t.ClrType == member.Expression.Type))
            {
                var plan = ProtectedEntity.For(entityType);
                if (plan.Properties.Any(p => p.Name == member.Member.Name))
                {
                    found = (entityType, member.Member.Name, true);
                    break;
                }

                if (maskedResources.Contains(plan.ResourceType) && plan.Maskable.Any(p => p.Name == member.Member.Name))
                {
                    found = (entityType, member.Member.Name, false);
                    break;
                }
            }

            _lookups[key] = found;
        }

        return found;
    }

    /// <summary>The PrivacyKit shadow property an <c>EF.Property(e, name)</c> call reads, or <see langword="null"/>.</summary>
    private (string Entity, string Property)? FindShadow(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(EF) || call.Method.Name != nameof(EF.Property) || call.Arguments[1] is not ConstantExpression { Value: string name })
        {
            return null;
        }

        foreach (var entityType in model.GetEntityTypes().Where(t => t.ClrType.IsAssignableFrom(call.Arguments[0].Type)))
        {
            if (entityType.FindProperty(name) is { } property
                && (property.FindAnnotation(PrivacyKitAnnotationNames.CiphertextFor)?.Value ?? property.FindAnnotation(PrivacyKitAnnotationNames.BlindIndexFor)?.Value) is string clrName)
            {
                return (ProtectedEntity.For(entityType).Name, clrName);
            }
        }

        return null;
    }

    /// <summary>Refuses encrypted properties in a lambda the database evaluates.</summary>
    private sealed class FilterChecker(EncryptedQueryRewriter owner, string @operator, bool innerProjection) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (owner.FindEncrypted(node) is { } found)
            {
                var entity = ProtectedEntity.For(found.EntityType).Name;
                throw innerProjection
                    ? Error.EncryptedInInnerProjection(entity, found.Property, @operator)
                    : Error.EncryptedInQuery(entity, found.Property, @operator);
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>Rewrites encrypted properties in a final projection into client-side reads of the loaded entity.</summary>
    private sealed class ProjectionRewriter(EncryptedQueryRewriter owner) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            IsOperator(node.Method) && node.Arguments.Count > 0 ? owner.VisitChain(node, composedBy: null) : base.VisitMethodCall(node);

        protected override Expression VisitMember(MemberExpression node)
        {
            // Masked clear properties are read the same way, so a projection cannot bypass field access.
            if (owner.FindProtected(node) is not { } found)
            {
                return base.VisitMember(node);
            }

            // Owned types are loaded with their owner: read through the owner, along the navigation path.
            Expression root = node.Expression!;
            var path = new Stack<PropertyInfo>();
            path.Push((PropertyInfo)node.Member);
            var entityType = found.EntityType;
            while (entityType.IsOwned())
            {
                if (root is not MemberExpression { Member: PropertyInfo navigation, Expression: { } parent })
                {
                    throw Error.EncryptedInOwnedCollectionProjection(ProtectedEntity.For(found.EntityType).Name, found.Property);
                }

                path.Push(navigation);
                root = parent;
                entityType = entityType.FindOwnership()!.PrincipalEntityType;
            }

            root = Visit(root);
            var getter = ProjectionReader.Register(root.Type, [.. path]);
            var method = ProjectionReader.ReadMethod.MakeGenericMethod(root.Type, node.Type);
            return Expression.Convert(Expression.Call(method, root, Expression.Constant(getter)), node.Type);
        }
    }

    /// <summary>Refuses ExecuteUpdate setters that target or read PrivacyKit-protected properties.</summary>
    private sealed class ExecuteUpdateChecker(EncryptedQueryRewriter owner) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            owner.FindEncrypted(node) is { } found
                ? throw Error.EncryptedInExecuteUpdate(ProtectedEntity.For(found.EntityType).Name, found.Property)
                : base.VisitMember(node);

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            owner.FindShadow(node) is { } shadow
                ? throw Error.EncryptedInExecuteUpdate(shadow.Entity, shadow.Property)
                : base.VisitMethodCall(node);
    }
}
