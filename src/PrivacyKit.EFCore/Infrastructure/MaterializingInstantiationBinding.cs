using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// Wraps an entity type's own instantiation binding so that each row also creates a <see cref="MaterializedRow"/>
/// holding the row's subject id and ciphertexts, read by the compiled shaper like constructor arguments. EF Core
/// notifies the row once the entity is initialised. Unlike a materialization interceptor, this costs one small
/// object and one array per row instead of a dictionary of two delegates per mapped property.
/// </summary>
internal sealed class MaterializingInstantiationBinding : InstantiationBinding
{
    private static readonly ConstructorInfo RowConstructor = typeof(MaterializedRow).GetConstructors()[0];

    private readonly InstantiationBinding _inner;
    private readonly IEntityType _entityType;
    private readonly IProperty?[] _stored;

    public MaterializingInstantiationBinding(InstantiationBinding inner, IEntityType entityType)
        : base(inner.ParameterBindings)
    {
        _inner = inner;
        _entityType = entityType;
        _stored = [.. EntityMaterialization.StoredProperties(entityType).Select(p => p is null ? null : entityType.FindProperty(p.Name))];
    }

    public override Type RuntimeType => _inner.RuntimeType;

    public override Expression CreateConstructorExpression(ParameterBindingInfo bindingInfo)
    {
        var construct = _inner.CreateConstructorExpression(bindingInfo);

        // A query's shaper always carries its tracking behaviour; EF's empty materializers (no row to read) do not.
        if (bindingInfo.QueryTrackingBehavior is null)
        {
            return construct;
        }

        var row = Expression.Variable(typeof(MaterializedRow), "privacyKitRow");
        bindingInfo.ServiceInstances.Add(row);
        var values = _stored.Select(p => p is null
            ? (Expression)Expression.Constant(null, typeof(object))
            : Expression.Convert(new PropertyParameterBinding(p).BindToParameter(bindingInfo), typeof(object)));
        return Expression.Block(
            Expression.Assign(row, Expression.New(RowConstructor, Expression.Constant(_entityType, typeof(IReadOnlyEntityType)), Expression.NewArrayInit(typeof(object), values))),
            construct);
    }

    public override InstantiationBinding With(IReadOnlyList<ParameterBinding> parameterBindings) =>
        new MaterializingInstantiationBinding(_inner.With(parameterBindings), _entityType);
}
