using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

#pragma warning disable EF1001 // IInjectableService is EF Core's own hook after an entity's properties are set: the only one without a materialization interceptor.

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// One materialised row's stored values (subject id and ciphertexts, read by the compiled shaper straight from the
/// data reader). EF Core calls <see cref="Injected"/> once the entity's mapped properties are set and before it is
/// tracked, which hands the entity to <see cref="EntityMaterialization.Initialized"/>. Used by one row only.
/// </summary>
internal sealed class MaterializedRow(IReadOnlyEntityType entityType, object?[] stored) : Microsoft.EntityFrameworkCore.Internal.IInjectableService
{
    public void Injected(DbContext context, object entity, QueryTrackingBehavior? queryTrackingBehavior, ITypeBase structuralType) =>
        EntityMaterialization.Initialized(context, entityType, entity, stored);

    public bool Detaching(DbContext context, object entity) => true;

    public void Attaching(DbContext context, IEntityType entityType, object entity)
    {
    }
}
