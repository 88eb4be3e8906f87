using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Hands every materialised entity to the context's <see cref="ReadAuditInterceptor"/>. One process-wide instance:
/// EF Core keys its internal service provider on materialisation interceptors, so an instance per application
/// would build a new EF provider (and query cache) per application.
/// </summary>
internal sealed class ReadAuditMaterializationInterceptor : IMaterializationInterceptor
{
    private ReadAuditMaterializationInterceptor()
    {
    }

    public static ReadAuditMaterializationInterceptor Instance { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        ContextInterceptors<ReadAuditInterceptor>.Find(materializationData.Context)?.Materialized(materializationData.Context, materializationData.EntityType, entity);
        return entity;
    }
}
