using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyKit.Access;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Adds the row-scope filter (<see cref="RowScopeModel"/>) when the model is finalised, so the application's
/// OnModelCreating stays untouched. Part of PrivacyKit's convention-set plugin; also usable from
/// <c>ConfigureConventions</c>: <c>builder.Conventions.Add(_ =&gt; new RowScopeConvention(resolver))</c>.
/// </summary>
internal sealed class RowScopeConvention(IRowScopeResolver resolver) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()))
        {
            if (resolver.GetBinding(entityType.ClrType) is { } binding)
            {
                entityType.Builder.HasQueryFilter(RowScopeModel.FilterName, RowScopeModel.Build(entityType.ClrType, binding));
            }
        }
    }
}
