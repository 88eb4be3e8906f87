using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class ConsentAuthorizationHandlerTests
{
    [Theory]
    [InlineData("/customers/cust-alice/newsletter")]
    [InlineData("/api/customers/cust-alice/newsletter")]
    public async Task RequireConsent_SubjectInRouteNeverConsented_Answers403NamingPurposeAndAudits(string path)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Post, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("marketing", problem.Extension("consent"));
        Assert.Equal("no-consent", problem.Extension("reason"));
        await host.FlushAuditAsync();
        var denial = Assert.Single(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessDenied);
        Assert.Equal("consent.require", denial.Event.Action);
        Assert.Equal("cust-alice", denial.Event.SubjectId);
        Assert.Equal("marketing", denial.Event.Purpose);
        Assert.Equal("rep-1", denial.Event.ActorId);
    }

    [Theory]
    [InlineData("/customers/cust-alice/newsletter")]
    [InlineData("/api/customers/cust-alice/newsletter")]
    public async Task RequireConsent_SubjectConsented_Allows(string path)
    {
        await using var host = await TestHost.StartAsync();
        await host.App.Services.GetRequiredService<IConsentService>().GrantAsync("cust-alice", "marketing", ConsentSource.Form);

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Post, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequireConsent_ConsentWithdrawn_Answers403Withdrawn()
    {
        await using var host = await TestHost.StartAsync();
        var consent = host.App.Services.GetRequiredService<IConsentService>();
        await consent.GrantAsync("cust-alice", "marketing", ConsentSource.Form);
        await consent.WithdrawAsync("cust-alice", "marketing", ConsentSource.Form);

        using var response = await host.Client.SendAsync(As.Rep1, HttpMethod.Post, "/customers/cust-alice/newsletter");

        Assert.Equal("withdrawn", (await response.ProblemAsync()).Extension("reason"));
    }

    [Fact]
    public async Task RequireConsent_SignedInUserIsNoSubject_Answers403NoDataSubject()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Nobody, HttpMethod.Get, "/ads/profile");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("no-data-subject", (await response.ProblemAsync()).Extension("reason"));
    }

    [Fact]
    public async Task RequireConsent_Anonymous_Answers401()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Anonymous, HttpMethod.Get, "/ads/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RequireConsent_GpcFromEmployeeWorkingOnCustomer_DoesNotSpeakForTheCustomer()
    {
        await using var host = await TestHost.StartAsync(map: app =>
            app.MapPost("/customers/{id}/share", (string id) => Results.Ok()).RequireConsent("ads", "id"));
        var consent = host.App.Services.GetRequiredService<IConsentService>();
        await consent.GrantAsync("cust-alice", "ads", ConsentSource.Form);

        using var employee = await host.Client.SendAsync(As.Rep1, HttpMethod.Post, "/customers/cust-alice/share", configure: r => r.Headers.Add("Sec-GPC", "1"));
        using var customer = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/customers/cust-alice/share", configure: r => r.Headers.Add("Sec-GPC", "1"));

        Assert.Equal(HttpStatusCode.OK, employee.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal("global-privacy-control", (await customer.ProblemAsync()).Extension("reason"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a@b")]
    public void Ctor_BadPurpose_ThrowsArgumentException(string purpose)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RequireConsentAttribute(purpose));
    }
}
