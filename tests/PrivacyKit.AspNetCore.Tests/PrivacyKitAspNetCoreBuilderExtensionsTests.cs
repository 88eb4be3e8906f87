using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Tests;

public sealed class PrivacyKitAspNetCoreBuilderExtensionsTests
{
    [Fact]
    public void AddAspNetCore_Twice_DecoratesAuditTrailOnceAndRegistersHandlersOnce()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPrivacyKit().AddAspNetCore().AddAspNetCore(o => o.ExportPermitLimit = 3);
        using var provider = services.BuildServiceProvider();

        var trail = Assert.IsType<HttpAuditTrail>(provider.GetRequiredService<IAuditTrail>());
        Assert.IsNotType<HttpAuditTrail>(trail.Inner);
        Assert.IsType<PrivacyAuthorizationPolicyProvider>(provider.GetRequiredService<IAuthorizationPolicyProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(IAuthorizationHandler) && d.ImplementationType == typeof(PermissionAuthorizationHandler));
        Assert.Equal(3, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyKitAspNetCoreOptions>>().Value.ExportPermitLimit);
    }

    [Fact]
    public void AddAspNetCore_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PrivacyKitAspNetCoreBuilderExtensions.AddAspNetCore(null!));
    }

    [Fact]
    public async Task PolicyProvider_UnknownPrivacyKitPolicy_ReturnsNullAndOtherPoliciesFallBack()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthorization(o => o.AddPolicy("mine", p => p.RequireClaim("x")));
        services.AddPrivacyKit().AddAspNetCore();
        using var provider = services.BuildServiceProvider();
        var policies = provider.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.Null(await policies.GetPolicyAsync("privacykit:permission:not a permission"));
        Assert.Null(await policies.GetPolicyAsync("privacykit:nonsense"));
        Assert.NotNull(await policies.GetPolicyAsync("mine"));
        var permission = await policies.GetPolicyAsync(new RequirePermissionAttribute("customers:read").Policy!);
        Assert.Equal(new PermissionRequirement("customers:read").Permission, Assert.Single(permission!.Requirements.OfType<PermissionRequirement>()).Permission);
    }

    [Fact]
    public void UsePrivacyKit_WithoutAddAspNetCore_ThrowsSayingWhatToCall()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddPrivacyKit();
        var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.UsePrivacyKit());
        Assert.Contains("AddAspNetCore()", ex.Message, StringComparison.Ordinal);
    }
}
