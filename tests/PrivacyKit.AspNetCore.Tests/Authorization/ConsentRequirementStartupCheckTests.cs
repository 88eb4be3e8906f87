using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class ConsentRequirementStartupCheckTests
{
    [Fact]
    public async Task Start_EndpointRequiresUnknownPurpose_FailsNamingEndpointAndPurpose()
    {
        var ex = await Assert.ThrowsAsync<ConsentException>(() => TestHost.StartAsync(
            map: app => app.MapGet("/typo", () => Results.Ok()).RequireConsent("marketting")));

        Assert.Equal("marketting", ex.PurposeId);
        Assert.Contains("/typo", ex.Message, StringComparison.Ordinal);
        Assert.Contains("configured: ads, marketing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EveryRequiredPurposeConfigured_Starts()
    {
        await using var host = await TestHost.StartAsync(map: app => app.MapGet("/ok", () => Results.Ok()).RequireConsent("ads"));

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/ok");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
