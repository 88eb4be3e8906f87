using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class PermissionAuthorizationHandlerTests
{
    [Theory]
    [InlineData("/customers/cust-alice")]
    [InlineData("/api/customers/cust-alice")]
    public async Task RequirePermission_RoleGrantsIt_Allows(string path)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/customers/cust-alice")]
    [InlineData("/api/customers/cust-alice")]
    public async Task RequirePermission_NoRoleGrantsIt_Answers403NamingPermissionAndAudits(string path)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Nobody, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("customers:read", problem.Extension("permission"));
        Assert.Equal("not-granted", problem.Extension("reason"));
        Assert.Contains("'customers:read'", problem.Detail, StringComparison.Ordinal);
        await host.FlushAuditAsync();
        var denial = Assert.Single(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessDenied);
        Assert.Equal("user-nobody", denial.Event.ActorId);
        Assert.Equal(AuditOutcome.Denied, denial.Event.Outcome);
    }

    [Theory]
    [InlineData("/customers/cust-alice")]
    [InlineData("/api/customers/cust-alice")]
    public async Task RequirePermission_Anonymous_Answers401(string path)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Anonymous, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizeAsync_ResourceInRowScope_Allows()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Put, "/customers/cust-alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizeAsync_ResourceOutsideRowScope_DeniesAndAuditsOutOfScope()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Put, "/customers/cust-bob");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await host.FlushAuditAsync();
        var denial = Assert.Single(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessDenied);
        Assert.Equal("OutOfScope", denial.Event.Reason);
        Assert.Equal("customers:update", denial.Event.Action);
    }

    [Fact]
    public async Task RequirePermission_AsGlobalMvcAuthorizeFilter_TreatsFilterContextAsRequestNotEntity()
    {
        await using var host = await TestHost.StartAsync(configureBuilder: b => b.Services.Configure<MvcOptions>(o =>
            o.Filters.Add(new AuthorizeFilter([new RequirePermissionAttribute("customers:read")]))));

        using var allowed = await host.Client.SendAsync(As.Rep1, HttpMethod.Get, "/api/customers/cust-bob");
        using var denied = await host.Client.SendAsync(As.Nobody, HttpMethod.Get, "/api/customers/cust-bob");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public void Ctor_NotResourceAction_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new PermissionRequirement("customers-read"));
        Assert.Throws<ArgumentNullException>(() => new PermissionRequirement(null!));
        Assert.Throws<ArgumentException>(() => new RequirePermissionAttribute("no colon"));
    }

    [Fact]
    public void Ctor_MixedCase_NormalisesPermission()
    {
        Assert.Equal("customers:read", new PermissionRequirement("Customers:READ").Permission.ToString());
    }
}
