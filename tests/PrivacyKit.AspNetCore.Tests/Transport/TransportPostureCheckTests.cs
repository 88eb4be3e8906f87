using System.Net;
using Microsoft.Extensions.Configuration;
using PrivacyKit.AspNetCore.Tests.TestSupport;

namespace PrivacyKit.AspNetCore.Tests.Transport;

public sealed class TransportPostureCheckTests
{
    private const string InsecureDatabase = "Host=db.example.com;Database=crm;Password=s3cret-canary;SSL Mode=Disable";

    [Fact]
    public async Task Start_InsecureDatabaseAndRefuseOutsideDevelopment_ThrowsInsecureTransportException()
    {
        var ex = await Assert.ThrowsAsync<InsecureTransportException>(() => TestHost.StartAsync(
            o => o.RefuseInsecureTransport = true,
            configureBuilder: b => b.Configuration.AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Crm", (string?)InsecureDatabase)])));

        Assert.Contains("'ConnectionStrings:Crm'", Assert.Single(ex.Findings), StringComparison.Ordinal);
        Assert.Contains("RefuseInsecureTransport", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-canary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InsecureDatabaseWithoutRefusal_StartsAndWarns()
    {
        await using var host = await TestHost.StartAsync(
            configureBuilder: b => b.Configuration.AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Crm", (string?)InsecureDatabase)]));

        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 9003);
        Assert.Contains("'ConnectionStrings:Crm'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-canary", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InsecureDatabaseInDevelopment_StartsDespiteRefusal()
    {
        await using var host = await TestHost.StartAsync(
            o => o.RefuseInsecureTransport = true,
            configureBuilder: b => b.Configuration.AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Crm", (string?)InsecureDatabase)]),
            environment: "Development");

        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 9003);
    }

    [Fact]
    public async Task Start_KestrelOnLoopback_ReportsNothingAndServesPrivacyEndpoints()
    {
        await using var host = await TestHost.StartAsync(o => o.RefuseInsecureTransport = true, kestrel: true);

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/consents");

        Assert.StartsWith("http://127.0.0.1:", host.Client.BaseAddress!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == 9003);
    }
}
