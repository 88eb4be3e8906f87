using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Tests.Endpoints;

public sealed class SubjectEndpointsTests(SharedHost shared) : IClassFixture<SharedHost>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/privacy/me/consents" },
        { "PUT", "/privacy/me/consents/marketing" },
        { "GET", "/privacy/me/consents/receipt" },
        { "POST", "/privacy/me/export" },
        { "POST", "/privacy/me/requests" },
        { "GET", "/privacy/me/requests" },
        { "GET", "/privacy/me/requests/any-id" },
        { "GET", "/privacy/me/access-history" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_Anonymous_Answers401(string method, string path)
    {
        var host = shared.Host;

        using var response = await host.Client.SendAsync(As.Anonymous, new HttpMethod(method), path, new { granted = true, kind = "erasure" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_SignedInUserIsNoDataSubject_Answers403(string method, string path)
    {
        var host = shared.Host;

        using var response = await host.Client.SendAsync(As.Dpo, new HttpMethod(method), path, new { granted = true, kind = "erasure" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("not-a-data-subject", (await response.ProblemAsync()).Extension("reason"));
    }

    [Fact]
    public async Task GetConsents_Subject_ListsEveryPurposeWithDecision()
    {
        await using var host = await TestHost.StartAsync();
        var consent = host.App.Services.GetRequiredService<IConsentService>();
        await consent.GrantAsync("cust-alice", "marketing", ConsentSource.Form);
        await consent.GrantAsync("cust-bob", "ads", ConsentSource.Form);
        await consent.OptOutOfSaleOrSharingAsync("cust-bob", ConsentSource.Form);

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/consents");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var purposes = body.GetProperty("purposes").EnumerateArray().ToDictionary(p => p.GetProperty("purposeId").GetString()!);
        Assert.True(purposes["marketing"].GetProperty("allowed").GetBoolean());
        Assert.Equal("granted", purposes["marketing"].GetProperty("status").GetString());
        Assert.False(purposes["ads"].GetProperty("allowed").GetBoolean());
        Assert.True(purposes["ads"].GetProperty("isSaleOrSharing").GetBoolean());
        Assert.False(body.GetProperty("optedOutOfSaleOrSharing").GetBoolean());
    }

    [Fact]
    public async Task ChangeConsent_GrantThenWithdraw_RecordsBothForTheSignedInSubjectOnly()
    {
        await using var host = await TestHost.StartAsync();
        var consent = host.App.Services.GetRequiredService<IConsentService>();

        using var granted = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/marketing", new { granted = true });
        using var withdrawn = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/marketing", new { granted = false });

        Assert.True((await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowed").GetBoolean());
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal([ConsentEventKind.Granted, ConsentEventKind.Withdrawn], (await consent.GetHistoryAsync("cust-alice")).Select(r => r.Kind));
        Assert.All(await consent.GetHistoryAsync("cust-alice"), r => Assert.Equal(ConsentSource.Api, r.Source));
        Assert.Empty(await consent.GetHistoryAsync("cust-bob"));
    }

    [Fact]
    public async Task ChangeConsent_UnknownPurpose_Answers404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/telepathy", new { granted = true });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.EndsWith("purpose-not-found", (await response.ProblemAsync()).Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeConsent_NoGrantedFlag_Answers422()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/marketing", new { other = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("'granted'", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReceipt_Subject_ReturnsOwnReceiptWithHistory()
    {
        await using var host = await TestHost.StartAsync();
        var consent = host.App.Services.GetRequiredService<IConsentService>();
        await consent.GrantAsync("cust-alice", "marketing", ConsentSource.Form, "form-17");
        await consent.GrantAsync("cust-bob", "marketing", ConsentSource.Form, "form-99");

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/consents/receipt");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("cust-alice", text, StringComparison.Ordinal);
        Assert.Contains("form-17", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cust-bob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("form-99", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MultiFactorSubject_ReturnsOwnPackageOnly()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var package = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("privacykit.subject-data-export/1", package.GetProperty("schema").GetString());
        Assert.Equal("cust-alice", package.GetProperty("subject").GetProperty("id").GetString());
        var text = package.GetRawText();
        Assert.Contains(Canary.AliceEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary.BobEmail, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SingleFactorSignIn_Answers403StepUp()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.AliceSingleFactor, HttpMethod.Post, "/privacy/me/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("mfa", (await response.ProblemAsync()).Extension("stepUp"));
    }

    [Fact]
    public async Task Export_OverTheLimit_Answers429WithRetryAfterPerActor()
    {
        await using var host = await TestHost.StartAsync(o => o.ExportPermitLimit = 2);

        using var first = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export");
        using var second = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export");
        using var third = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export");
        using var otherActor = await host.Client.SendAsync(As.Bob, HttpMethod.Post, "/privacy/me/export");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.EndsWith("export-rate-limited", (await third.ProblemAsync()).Type, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherActor.StatusCode);
    }

    [Fact]
    public async Task SubmitRequest_Rectification_CreatesVerifiedRequestOfTheSignedInSubject()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.AliceSingleFactor, HttpMethod.Post, "/privacy/me/requests",
            new { kind = "rectification", corrections = new[] { new { entityType = "Customer", field = "Name", newValue = Canary.CorrectedName } } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rectification", body.GetProperty("kind").GetString());
        Assert.Equal("inProgress", body.GetProperty("status").GetString());
        Assert.Equal(["Customer.Name"], body.GetProperty("correctedFields").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(Canary.CorrectedName, body.GetRawText(), StringComparison.Ordinal);
        var id = body.GetProperty("id").GetString()!;
        Assert.EndsWith("/privacy/me/requests/" + id, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var stored = await host.App.Services.GetRequiredService<PrivacyKit.Requests.ISubjectRequestService>().GetAsync(id);
        Assert.Equal("cust-alice", stored.SubjectId);
    }

    [Theory]
    [InlineData("access")]
    [InlineData("portability")]
    [InlineData("teleport")]
    [InlineData("4")]
    [InlineData(null)]
    public async Task SubmitRequest_KindNotForThisEndpoint_Answers422(string? kind)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests", new { kind });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task SubmitRequest_CorrectionWithoutField_Answers422()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests",
            new { kind = "rectification", corrections = new[] { new { entityType = "Customer" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("corrections[0]", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRequest_ErasureWithSingleFactor_Answers403StepUp_AndWithMfaIsCreated()
    {
        await using var host = await TestHost.StartAsync();

        using var weak = await host.Client.SendAsync(As.AliceSingleFactor, HttpMethod.Post, "/privacy/me/requests", new { kind = "erasure" });
        using var strong = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests", new { kind = "erasure" });

        Assert.Equal(HttpStatusCode.Forbidden, weak.StatusCode);
        Assert.Equal("mfa", (await weak.ProblemAsync()).Extension("stepUp"));
        Assert.Equal(HttpStatusCode.Created, strong.StatusCode);
    }

    [Fact]
    public async Task GetRequests_Subject_ListsOnlyOwnRequests()
    {
        await using var host = await TestHost.StartAsync();
        using var mine = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests", new { kind = "restriction" });
        using var bobs = await host.Client.SendAsync(As.Bob, HttpMethod.Post, "/privacy/me/requests", new { kind = "objection" });
        var mineId = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/requests");

        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([mineId], list.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetRequest_Own_ReturnsIt_AnotherSubjectsOrUnknown_Answers404Alike()
    {
        await using var host = await TestHost.StartAsync();
        using var mine = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests", new { kind = "restriction" });
        using var bobs = await host.Client.SendAsync(As.Bob, HttpMethod.Post, "/privacy/me/requests", new { kind = "objection" });
        var mineId = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var bobsId = (await bobs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var own = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/requests/" + mineId);
        using var other = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/requests/" + bobsId);
        using var unknown = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/requests/no-such-request");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal((await unknown.ProblemAsync()).Detail, (await other.ProblemAsync()).Detail);
    }

    [Fact]
    public async Task GetAccessHistory_Subject_ListsOnlyEventsAboutThemWithoutActorIds()
    {
        await using var host = await TestHost.StartAsync();
        using var denied = await host.Client.SendAsync(As.Rep1, HttpMethod.Post, "/customers/cust-alice/newsletter");
        using var a = await host.Client.SendAsync(As.Alice, HttpMethod.Put, "/privacy/me/consents/marketing", new { granted = true });
        using var b = await host.Client.SendAsync(As.Bob, HttpMethod.Put, "/privacy/me/consents/marketing", new { granted = true });
        await host.FlushAuditAsync();

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/access-history");

        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "consentChanged");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "accessDenied" && i.GetProperty("purpose").GetString() == "marketing");
        var text = string.Join("", items.Select(i => i.GetRawText()));
        Assert.DoesNotContain("cust-bob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user-bob", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rep-1", text, StringComparison.Ordinal);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task GetAccessHistory_NoReadableAuditSink_Answers501SayingWhatToAdd()
    {
        await using var host = await TestHost.StartAsync(configureBuilder: b => b.Services.RemoveAll<PrivacyKit.Audit.IAuditReader>());

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Get, "/privacy/me/access-history");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("AddJsonLinesAuditSink", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SourceFails_Answers503NamingSourceWithoutItsMessage()
    {
        await using var host = await TestHost.StartAsync(configureBuilder: b =>
            b.Services.TryAddEnumerable(ServiceDescriptor.Singleton<PrivacyKit.Requests.IPersonalDataSource, FailingDataSource>()));

        using var response = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("'crm.broken'", problem.Detail, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 9006 && r.Message.Contains(problem.Extension("correlationId"), StringComparison.Ordinal));
        Assert.DoesNotContain(Canary.AliceEmail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains(Canary.AliceEmail, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(Canary.AliceEmail, StringComparison.Ordinal) ?? false));
    }
}
