using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class PrivacyAuthorizationResultHandlerTests
{
    [Fact]
    public async Task HandleAsync_AppsOwnPolicyFails_LeavesTheResponseToTheFramework()
    {
        await using var host = await TestHost.StartAsync(
            configureBuilder: b => b.Services.AddAuthorization(o => o.AddPolicy("managers", p => p.RequireClaim("level", "manager"))),
            map: app => app.MapGet("/managers", () => Results.Ok()).RequireAuthorization("managers"));

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Get, "/managers");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HandleAsync_PrivacyKitAndAppPolicyBothFail_AnswersProblemNamingThePermission()
    {
        await using var host = await TestHost.StartAsync(
            configureBuilder: b => b.Services.AddAuthorization(o => o.AddPolicy("managers", p => p.RequireClaim("level", "manager"))),
            map: app => app.MapGet("/managers/report", () => Results.Ok()).RequireAuthorization("managers").RequirePermission("reports:read"));

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Get, "/managers/report");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("reports:read", (await response.ProblemAsync()).Extension("permission"));
    }
}
