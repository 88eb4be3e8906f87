using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Access;
using PrivacyKit.Consent;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore;

/// <summary>
/// Configures PrivacyKit's Entity Framework Core adapter on <see cref="IPrivacyKitBuilder"/>: stores in the
/// application's database, jobs over its DbContext, auditing and the other EF features, one extension method per step.
/// Each method's own documentation says what it registers.
/// </summary>
public static partial class EntityFrameworkPrivacyKitBuilderExtensions
{
    /// <summary>
    /// Keeps PrivacyKit's state in the database of <typeparamref name="TContext"/>: wrapped data keys
    /// (<see cref="IDataKeyStore"/>), consent history (<see cref="IConsentStore"/>), data subject requests
    /// (<see cref="ISubjectRequestStore"/>, personal payloads encrypted), legal holds (<see cref="ILegalHoldStore"/>), role assignments and access reviews (<see cref="IRoleStore"/>) and,
    /// with the audit feature, audit records. Replaces the stores registered before (the in-memory defaults).
    /// The model of <typeparamref name="TContext"/> must hold the tables: call
    /// <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores(ModelBuilder, string?)"/> in its <c>OnModelCreating</c>,
    /// or use <see cref="PrivacyKitDbContext"/>.
    /// </summary>
    /// <remarks>
    /// The stores are singletons that use a fresh context per operation: from <see cref="IDbContextFactory{TContext}"/>
    /// when one is registered (<c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>), otherwise from a new
    /// service scope (<c>AddDbContext</c>). They never join the application's own unit of work or transaction.
    /// </remarks>
    /// <typeparam name="TContext">The DbContext whose database holds the stores.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddEntityFrameworkStores<TContext>(this IPrivacyKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddLogging();
        services.TryAddSingleton<StoreContextFactory<TContext>>();
        services.TryAddSingleton<RequestPayloadProtector>();
        services.Replace(ServiceDescriptor.Singleton<IDataKeyStore, EntityFrameworkDataKeyStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IConsentStore, EntityFrameworkConsentStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<ISubjectRequestStore, EntityFrameworkSubjectRequestStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<ILegalHoldStore, EntityFrameworkLegalHoldStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IRoleStore, EntityFrameworkRoleStore<TContext>>());
        AddAuditStoreServices<TContext>(services);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="IPrivacyKitJobs"/>: the maintenance jobs (encrypt existing plaintext columns, re-encrypt
    /// under the newest data-key version, re-wrap data keys under the current key-encryption key, shred a subject's
    /// data key) over the entities of <typeparamref name="TContext"/>. Contexts are created as for
    /// <see cref="AddEntityFrameworkStores{TContext}(IPrivacyKitBuilder)"/> (a context factory if registered, else a
    /// scope per batch).
    /// </summary>
    /// <typeparam name="TContext">The application's DbContext holding the entities with encrypted properties.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddEntityFrameworkJobs<TContext>(this IPrivacyKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLogging();
        builder.Services.TryAddSingleton<StoreContextFactory<TContext>>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IPrivacyKitJobs, PrivacyKitJobs<TContext>>());
        return builder;
    }

    // Implemented by the audit feature in its own file: registers the EF audit store on TContext.
    static partial void AddAuditStoreServices<TContext>(IServiceCollection services)
        where TContext : DbContext;
}
