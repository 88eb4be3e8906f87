using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Tests.Auditing;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.Masking;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

/// <summary>
/// How UsePrivacyKit hooks materialisation: through the entity's instantiation binding (no materialization
/// interceptor, so EF Core keeps its fast shaper), or, when the application registers a materialization interceptor
/// of its own, through one of PrivacyKit's too. Either way entities come back decrypted, masked and unchanged.
/// </summary>
public sealed class MaterializationHookTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task UsePrivacyKit_NoApplicationMaterializationInterceptor_HooksThroughTheBindingAndDecrypts(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var ann = await host.SeedAsync();

        await using var context = host.CreateContext(Configure);
        var interceptors = context.GetService<IEnumerable<ISingletonInterceptor>>().ToList();
        Assert.Contains(MaterializingBindingInterceptor.Instance, interceptors);
        Assert.DoesNotContain(interceptors, i => i is IMaterializationInterceptor);

        var tracked = await context.Customers.SingleAsync();
        Assert.Equal((ann.Email, ann.Phone, ann.Address!.Street, ann.Address.City), (tracked.Email, tracked.Phone, tracked.Address!.Street, tracked.Address.City));
        Assert.False(context.ChangeTracker.HasChanges());
        var untracked = await context.Customers.AsNoTracking().SingleAsync();
        Assert.Equal((ann.Email, ann.CreditLimit, ann.Address.Street), (untracked.Email, untracked.CreditLimit, untracked.Address!.Street));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Load_WithApplicationMaterializationInterceptor_DecryptsAndMasksAfterEfSetsClearProperties(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var ann = await host.SeedAsync();
        var counter = new CountingInterceptor();

        await using (var context = host.CreateContext(Configure, o => o.AddInterceptors(counter)))
        {
            var interceptors = context.GetService<IEnumerable<ISingletonInterceptor>>().ToList();
            Assert.Contains(FallbackMaterializationInterceptor.Instance, interceptors);
            Assert.DoesNotContain(MaterializingBindingInterceptor.Instance, interceptors);

            var loaded = await context.Customers.SingleAsync();
            Assert.Equal((ann.Email, ann.Address!.Street, ann.Address.City), (loaded.Email, loaded.Address!.Street, loaded.Address.City));
            Assert.False(context.ChangeTracker.HasChanges());
            Assert.True(counter.Initialized >= 2); // the customer and its owned address
        }

        using (host.Services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(new PrivacyActor("agent-1", ["support"]))))
        {
            await using var context = host.CreateContext(Configure, o => o.AddInterceptors(counter));
            var masked = await context.Customers.AsNoTracking().SingleAsync();
            Assert.Contains("***", masked.Email, StringComparison.Ordinal);
            Assert.Equal(0m, masked.CreditLimit);
            Assert.Null(masked.Address!.Street);
            Assert.Null(masked.Address.City); // a clear column: masked after EF set it, not overwritten by EF
            Assert.Equal(ann.Name, masked.Name);
        }
    }

    [Fact]
    public async Task Load_WithApplicationBindingInterceptor_FallsBackToAMaterializationInterceptorAndDecrypts()
    {
        await using var host = await CreateHostAsync(nameof(DatabaseProvider.Sqlite));
        var ann = await host.SeedAsync();
        var binding = new ReplacingBindingInterceptor();

        await using var context = host.CreateContext(Configure, o => o.AddInterceptors(binding));
        var interceptors = context.GetService<IEnumerable<ISingletonInterceptor>>().ToList();
        Assert.Contains(FallbackMaterializationInterceptor.Instance, interceptors);
        Assert.DoesNotContain(MaterializingBindingInterceptor.Instance, interceptors);

        var loaded = await context.Customers.AsNoTracking().SingleAsync();
        Assert.Equal((ann.Email, ann.Phone, ann.Address!.Street), (loaded.Email, loaded.Phone, loaded.Address!.Street));
        Assert.True(binding.Modified > 0);
    }

    [Fact]
    public async Task ModifyBinding_TypeWithoutPersonalData_KeepsEfBindingAndWrapsPersonalTypesOnce()
    {
        await using var host = await AuditTestHost.CreateAsync(nameof(DatabaseProvider.Sqlite), withStore: false);
        await using var context = host.CreateContext();
        var deal = context.Model.FindEntityType(typeof(AuditDeal))!;
        var customer = context.Model.FindEntityType(typeof(AuditCustomer))!;
        var interceptor = MaterializingBindingInterceptor.Instance;
#pragma warning disable EF1001 // EF Core creates the interception data itself; the test has to build it.

        var dealBinding = deal.ConstructorBinding!;
        Assert.Same(dealBinding, interceptor.ModifyBinding(new InstantiationBindingInterceptionData(deal), dealBinding));

        var wrapped = interceptor.ModifyBinding(new InstantiationBindingInterceptionData(customer), customer.ConstructorBinding!);
        Assert.IsType<MaterializingInstantiationBinding>(wrapped);
        Assert.Equal(typeof(AuditCustomer), wrapped.RuntimeType);
        Assert.Same(wrapped, interceptor.ModifyBinding(new InstantiationBindingInterceptionData(customer), wrapped));
#pragma warning restore EF1001
    }

    private static void Configure(PrivacyKitDbContextOptionsBuilder o) => o.EnforceFieldAccess<Customer>("customers:read");

    private static Task<EfTestHost> CreateHostAsync(string provider) => FieldMaskingTests.CreateHostAsync(provider);

    /// <summary>Replaces every binding by EF's plain constructor binding, as lazy-loading proxies replace it by theirs.</summary>
    private sealed class ReplacingBindingInterceptor : IInstantiationBindingInterceptor
    {
        private int _modified;

        public int Modified => Volatile.Read(ref _modified);

        public InstantiationBinding ModifyBinding(InstantiationBindingInterceptionData interceptionData, InstantiationBinding binding)
        {
            Interlocked.Increment(ref _modified);
            return interceptionData.TypeBase.ConstructorBinding ?? binding;
        }
    }

    private sealed class CountingInterceptor : IMaterializationInterceptor
    {
        private int _initialized;

        public int Initialized => Volatile.Read(ref _initialized);

        public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
        {
            Interlocked.Increment(ref _initialized);
            return entity;
        }
    }
}
