using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// PrivacyKit's materialization hook when the application has registered a materialization interceptor of its own:
/// EF Core then notifies instantiation bindings before the entity's properties are set, so PrivacyKit falls back to
/// <see cref="IMaterializationInterceptor.InitializedInstance"/> (the per-row accessor dictionary is built anyway).
/// Stateless and process-wide.
/// </summary>
internal sealed class FallbackMaterializationInterceptor : IMaterializationInterceptor
{
    private FallbackMaterializationInterceptor()
    {
    }

    /// <summary>The process-wide instance (EF Core keys its internal service provider on singleton interceptors).</summary>
    public static FallbackMaterializationInterceptor Instance { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var entityType = materializationData.EntityType;
        if (!EntityMaterialization.Applies(entityType))
        {
            return entity;
        }

        var properties = EntityMaterialization.StoredProperties(entityType);
        var stored = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            stored[i] = properties[i] is IPropertyBase property ? materializationData.GetPropertyValue(property) : null;
        }

        EntityMaterialization.Initialized(materializationData.Context, entityType, entity, stored);
        return entity;
    }
}
