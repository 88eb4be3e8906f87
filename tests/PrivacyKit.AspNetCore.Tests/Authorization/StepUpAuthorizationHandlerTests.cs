using System.Net;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class StepUpAuthorizationHandlerTests
{
    [Fact]
    public async Task RequireStepUp_MultiFactorSignIn_Allows()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, "/api/customers/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequireStepUp_SingleFactorSignIn_Answers403SayingSoAndAudits()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.DpoSingleFactor, HttpMethod.Post, "/api/customers/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.EndsWith("step-up-required", problem.Type, StringComparison.Ordinal);
        Assert.Equal("mfa", problem.Extension("stepUp"));
        Assert.Contains("multiple factors", problem.Detail, StringComparison.Ordinal);
        await host.FlushAuditAsync();
        Assert.Contains(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessDenied && r.Event.Action == "step-up.require" && r.Event.ActorId == "op-dpo");
    }

    [Fact]
    public async Task RequireStepUp_ConfiguredMethods_AcceptsThem()
    {
        await using var host = await TestHost.StartAsync(o => o.MultiFactorMethods.Add("hwk"));

        using var response = await host.Client.SendAsync(As.DpoSingleFactor, HttpMethod.Post, "/api/customers/export",
            configure: r => { r.Headers.Remove("X-Test-Amr"); r.Headers.Add("X-Test-Amr", "hwk"); });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
