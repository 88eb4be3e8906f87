using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.EFCore;

// The declarations of the stores' partial hooks, until the stores' own parts of these classes are merged (then delete this file).

/// <summary>Maps PrivacyKit's stores into an application's EF Core model.</summary>
public static partial class PrivacyKitModelBuilderExtensions
{
    static partial void AddAuditStore(ModelBuilder modelBuilder, string? schema);
}

/// <summary>Registers PrivacyKit's EF Core services on the PrivacyKit builder.</summary>
public static partial class EntityFrameworkPrivacyKitBuilderExtensions
{
    static partial void AddAuditStoreServices<TContext>(IServiceCollection services)
        where TContext : DbContext;
}
