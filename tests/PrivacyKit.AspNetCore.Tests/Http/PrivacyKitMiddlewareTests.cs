using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Tests.Http;

public sealed class PrivacyKitMiddlewareTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TraceParent = "00-" + TraceId + "-00f067aa0ba902b7-01";

    [Fact]
    public async Task Invoke_AuthenticatedUser_PushesActorRolesTenantPurposeAndTraceId()
    {
        await using var host = await TestHost.StartAsync();
        var who = new As("op-7", "cust-7", "clerk,auditor", Tenant: "eu-1");

        using var response = await host.Client.SendAsync(who, HttpMethod.Get, "/context", configure: r =>
        {
            r.Headers.Add("X-Privacy-Purpose", "billing");
            r.Headers.Add("traceparent", TraceParent);
        });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("op-7", body.GetProperty("actor").GetString());
        Assert.Equal(["clerk", "auditor"], body.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("cust-7", body.GetProperty("subject").GetString());
        Assert.Equal("eu-1", body.GetProperty("tenant").GetString());
        Assert.Equal("billing", body.GetProperty("purpose").GetString());
        Assert.Equal(TraceId, body.GetProperty("correlation").GetString());
    }

    [Fact]
    public async Task Invoke_TokenBoundToPurpose_IgnoresThePurposeHeader()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(new As("svc-billing"), HttpMethod.Get, "/context", configure: r =>
        {
            r.Headers.Add("X-Test-Purpose", "billing");
            r.Headers.Add("X-Privacy-Purpose", "marketing");
        });

        Assert.Equal("billing", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task Invoke_NoTraceParent_UsesA32HexDigitTraceId()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/context");

        var correlation = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("correlation").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", correlation);
        Assert.NotEqual(new string('0', 32), correlation);
    }

    [Fact]
    public async Task Invoke_GpcFromIdentifiedSubject_RecordsOneOptOutAndTreatsRequestAsOptedOut()
    {
        await using var host = await TestHost.StartAsync();
        var consent = host.App.Services.GetRequiredService<IConsentService>();

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/context", configure: r => r.Headers.Add("Sec-GPC", "1"));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("gpc").GetBoolean());
            Assert.True(body.GetProperty("optedOut").GetBoolean());
        }

        var history = await consent.GetHistoryAsync("cust-alice");
        var optOut = Assert.Single(history);
        Assert.Equal(ConsentEventKind.OptedOutOfSaleOrSharing, optOut.Kind);
        Assert.Equal(ConsentSource.GlobalPrivacyControl, optOut.Source);
        Assert.True(await consent.IsOptedOutOfSaleOrSharingAsync("cust-alice"));
        Assert.Empty(await consent.GetHistoryAsync("cust-bob"));
    }

    [Fact]
    public async Task Invoke_GpcSignal_DeniesSaleOrSharingPurposeEvenWithConsent()
    {
        await using var host = await TestHost.StartAsync();
        await host.App.Services.GetRequiredService<IConsentService>().GrantAsync("cust-alice", "ads", ConsentSource.Form);

        using var before = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/ads/profile");
        using var withGpc = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/ads/profile", configure: r => r.Headers.Add("Sec-GPC", "1"));
        using var after = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/ads/profile");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withGpc.StatusCode);
        var problem = await withGpc.ProblemAsync();
        Assert.Equal("ads", problem.Extension("consent"));
        Assert.Equal("global-privacy-control", problem.Extension("reason"));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode); // the opt-out was recorded and outlives the request
        Assert.Equal("opted-out-of-sale-or-sharing", (await after.ProblemAsync()).Extension("reason"));
    }

    [Fact]
    public async Task Invoke_GpcUnderRegimeNotHonoured_IgnoresSignal()
    {
        await using var host = await TestHost.StartAsync(o => o.GlobalPrivacyControlRegimes.Remove(PrivacyRegime.Pipl));
        var consent = host.App.Services.GetRequiredService<IConsentService>();
        await consent.GrantAsync("cust-alice", "ads", ConsentSource.Form);

        using var response = await host.Client.SendAsync(As.Alice with { Regime = "pipl" }, HttpMethod.Get, "/ads/profile", configure: r => r.Headers.Add("Sec-GPC", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("optedOut").GetBoolean());
        Assert.False(await consent.IsOptedOutOfSaleOrSharingAsync("cust-alice"));
    }

    [Fact]
    public async Task Invoke_GpcHeaderOtherThanOne_IsNoSignal()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/context", configure: r => r.Headers.Add("Sec-GPC", "0"));

        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gpc").GetBoolean());
        Assert.Empty(await host.App.Services.GetRequiredService<IConsentService>().GetHistoryAsync("cust-alice"));
    }

    [Fact]
    public async Task Invoke_ConsentChange_AuditsHashedClientAddressAndUserAgentWithCorrelation()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/marketing", new { granted = true },
            r => r.Headers.Add("traceparent", TraceParent));
        response.EnsureSuccessStatusCode();
        await host.FlushAuditAsync();

        var record = Assert.Single(host.Audit.Records, r => r.Event.Kind == AuditEventKind.ConsentChanged);
        Assert.Equal("cust-alice", record.Event.SubjectId);
        Assert.Equal(TraceId, record.Event.CorrelationId);
        Assert.StartsWith("vh1:", record.Event.Properties["userAgentHash"], StringComparison.Ordinal);
        Assert.DoesNotContain(record.Event.Properties.Values, v => v.Contains("PrivacyKitTests", StringComparison.Ordinal));
        var hasher = host.App.Services.GetRequiredService<IAuditValueHasher>();
        Assert.Equal(hasher.Hash("http.userAgent", "PrivacyKitTests/1.0"), record.Event.Properties["userAgentHash"]);
    }
}
