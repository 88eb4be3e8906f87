using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// Gives every entity type with personal data a <see cref="MaterializingInstantiationBinding"/>, so PrivacyKit
/// decrypts, masks and audits each materialised entity without a materialization interceptor (whose per-row
/// accessor dictionary costs more than the clear read). Other types keep EF Core's binding and cost nothing.
/// Stateless and process-wide.
/// </summary>
internal sealed class MaterializingBindingInterceptor : IInstantiationBindingInterceptor
{
    private MaterializingBindingInterceptor()
    {
    }

    /// <summary>The process-wide instance (EF Core keys its internal service provider on singleton interceptors).</summary>
    public static MaterializingBindingInterceptor Instance { get; } = new();

    public InstantiationBinding ModifyBinding(InstantiationBindingInterceptionData interceptionData, InstantiationBinding binding) =>
        binding is not MaterializingInstantiationBinding
        && interceptionData.TypeBase is IEntityType entityType
        && EntityMaterialization.Applies(entityType)
            ? new MaterializingInstantiationBinding(binding, entityType)
            : binding;
}
