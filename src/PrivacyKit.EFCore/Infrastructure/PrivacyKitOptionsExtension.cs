using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.BlindIndexes;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Query;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// The EF Core options extension behind <c>UsePrivacyKit</c>. It adds the PrivacyKit convention-set plugin and
/// interceptors to EF's internal service provider. That provider (and so the model and the query cache) is shared by
/// every context with equal settings; the application's services are looked up per context from its options, so
/// nothing of one application provider is cached for another.
/// </summary>
internal sealed class PrivacyKitOptionsExtension : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;
    private PrivacyKitRuntime? _runtime;

    public PrivacyKitOptionsExtension(IServiceProvider applicationServices, PrivacyKitSettings settings)
    {
        ApplicationServices = applicationServices;
        Settings = settings;
    }

    /// <summary>The application's service provider (holding AddPrivacyKit's services).</summary>
    public IServiceProvider ApplicationServices { get; }

    public PrivacyKitSettings Settings { get; }

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>The PrivacyKit services of this context's application, resolved once.</summary>
    public PrivacyKitRuntime Runtime => _runtime ??= new PrivacyKitRuntime(ApplicationServices, Settings);

    public void ApplyServices(IServiceCollection services)
    {
        new EntityFrameworkServicesBuilder(services)
            .TryAdd<IConventionSetPlugin, PrivacyKitConventionSetPlugin>()
            .TryAdd<IInterceptor, EncryptingSaveChangesInterceptor>()
            .TryAdd<IInterceptor, EncryptedQueryInterceptor>();

        // Decrypting, masking and read auditing hook into materialization through the entity's instantiation binding,
        // which keeps EF Core's fast shaper. Chosen when the provider is built, when every extension has added its
        // services: with another materialization interceptor, EF notifies bindings before the properties are set, and
        // another binding interceptor (lazy-loading proxies, say) may replace PrivacyKit's binding; PrivacyKit then
        // uses a materialization interceptor too.
        services.AddSingleton<ISingletonInterceptor>(_ => HasOtherMaterializationHook(services)
            ? FallbackMaterializationInterceptor.Instance
            : MaterializingBindingInterceptor.Instance);

        // Replace, not TryAdd: the database provider's extension may have registered EF's own provider already.
        services.Replace(ServiceDescriptor.Scoped<IAsyncQueryProvider, PrivacyKitQueryProvider>());
        services.Replace(ServiceDescriptor.Singleton<IModelCacheKeyFactory, PrivacyKitModelCacheKeyFactory>());
    }

    private static bool HasOtherMaterializationHook(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(ISingletonInterceptor)
            && (d.ImplementationInstance?.GetType() ?? d.ImplementationType) is { } type
            && (typeof(IMaterializationInterceptor).IsAssignableFrom(type) || typeof(IInstantiationBindingInterceptor).IsAssignableFrom(type)));

    public void Validate(IDbContextOptions options)
    {
        var isService = ApplicationServices.GetService<IServiceProviderIsService>();
        if (isService is not null && (!isService.IsService(typeof(IFieldEncryptor)) || !isService.IsService(typeof(IBlindIndexer))))
        {
            throw Error.PrivacyKitNotRegistered();
        }
    }

    private sealed class ExtensionInfo(PrivacyKitOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private int? _hash;

        private new PrivacyKitOptionsExtension Extension => (PrivacyKitOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"PrivacyKit(Storage={Extension.Settings.Storage}) ";

        // Only what shapes the model and the cached queries counts: the storage, the normaliser names and the entity
        // types under field access (their projections are rewritten). The application provider, the normaliser
        // instances and the permissions are read per context at run time.
        public override int GetServiceProviderHashCode()
        {
            if (_hash is null)
            {
                var hash = new HashCode();
                hash.Add(Extension.Settings.Storage);
                foreach (var name in Extension.Settings.Normalizers.Keys.Order(StringComparer.OrdinalIgnoreCase))
                {
                    hash.Add(name, StringComparer.OrdinalIgnoreCase);
                }

                foreach (var type in FieldAccessTypes(Extension))
                {
                    hash.Add(type);
                }

                _hash = hash.ToHashCode();
            }

            return _hash.Value;
        }

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info
            && info.Extension.Settings.Storage == Extension.Settings.Storage
            && info.Extension.Settings.Normalizers.Keys.Order(StringComparer.OrdinalIgnoreCase)
                .SequenceEqual(Extension.Settings.Normalizers.Keys.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase)
            && FieldAccessTypes(info.Extension).SequenceEqual(FieldAccessTypes(Extension));

        private static IEnumerable<string> FieldAccessTypes(PrivacyKitOptionsExtension extension) =>
            extension.Settings.FieldAccess.Keys.Select(t => t.AssemblyQualifiedName ?? t.Name).Order(StringComparer.Ordinal);

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["PrivacyKit:Storage"] = Extension.Settings.Storage.ToString();
            debugInfo["PrivacyKit:Normalizers"] = string.Join(",", Extension.Settings.Normalizers.Keys.Order(StringComparer.OrdinalIgnoreCase));
            debugInfo["PrivacyKit:FieldAccessEntities"] = Extension.Settings.FieldAccess.Count.ToString(CultureInfo.InvariantCulture);
        }
    }
}
