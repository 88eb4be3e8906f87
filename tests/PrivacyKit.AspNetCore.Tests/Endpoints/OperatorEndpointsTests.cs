using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PrivacyKit.AspNetCore.Tests.TestSupport;

namespace PrivacyKit.AspNetCore.Tests.Endpoints;

public sealed class OperatorEndpointsTests(SharedHost shared) : IClassFixture<SharedHost>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/privacy/requests" },
        { "GET", "/privacy/requests/any-id" },
        { "POST", "/privacy/requests" },
        { "POST", "/privacy/requests/any-id/verify" },
        { "POST", "/privacy/requests/any-id/extend" },
        { "POST", "/privacy/requests/any-id/complete" },
        { "POST", "/privacy/requests/any-id/reject" },
        { "POST", "/privacy/requests/any-id/execute" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_Anonymous_Answers401(string method, string path)
    {
        var host = shared.Host;

        using var response = await host.Client.SendAsync(As.Anonymous, new HttpMethod(method), path, new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_DataSubject_Answers403AndReachesNoRequest(string method, string path)
    {
        var host = shared.Host;
        var id = await SubmitAsync(host, "access", "cust-bob");

        using var response = await host.Client.SendAsync(As.Alice, new HttpMethod(method), path.Replace("any-id", id, StringComparison.Ordinal),
            new { kind = "erasure", subjectId = "cust-bob", channel = "email", reason = "volume", ground = "excessive" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("requests:", (await response.ProblemAsync()).Extension("permission"), StringComparison.Ordinal);
        Assert.DoesNotContain("cust-bob", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/privacy/requests/no-such-id")]
    [InlineData("POST", "/privacy/requests/no-such-id/verify")]
    [InlineData("POST", "/privacy/requests/no-such-id/extend")]
    [InlineData("POST", "/privacy/requests/no-such-id/complete")]
    [InlineData("POST", "/privacy/requests/no-such-id/reject")]
    [InlineData("POST", "/privacy/requests/no-such-id/execute")]
    public async Task Endpoint_UnknownRequest_Answers404(string method, string path)
    {
        var host = shared.Host;

        using var response = await host.Client.SendAsync(As.Dpo, new HttpMethod(method), path, new { reason = "volume", ground = "excessive" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.EndsWith("request-not-found", (await response.ProblemAsync()).Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Operator_FiltersByKindAndSubject()
    {
        await using var host = await TestHost.StartAsync();
        var access = await SubmitAsync(host, "access", "cust-alice");
        await SubmitAsync(host, "erasure", "cust-alice");
        await SubmitAsync(host, "access", "cust-bob");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Get, "/privacy/requests?kind=access&subjectId=cust-alice&openOnly=true");

        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([access], list.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task List_UnknownKind_Answers422()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Get, "/privacy/requests?kind=teleport");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Get_Operator_ReturnsRequestWithHistory()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "access", "cust-alice");
        using var verified = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/verify");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Get, "/privacy/requests/" + id);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cust-alice", body.GetProperty("subjectId").GetString());
        Assert.Equal("operator", body.GetProperty("verificationMethod").GetString());
        Assert.Equal(["submit", "beginVerification", "verifyIdentity"], body.GetProperty("history").EnumerateArray().Select(t => t.GetProperty("command").GetString()));
    }

    [Fact]
    public async Task Submit_Operator_Answers201WithLocation()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, "/privacy/requests",
            new { kind = "erasure", subjectId = "cust-alice", channel = "phone", regime = "ccpa" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ccpa", body.GetProperty("request").GetProperty("regime").GetString());
        Assert.Equal("phone", body.GetProperty("request").GetProperty("channel").GetString());
        Assert.EndsWith("/privacy/requests/" + body.GetProperty("request").GetProperty("id").GetString(), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("erasure", null, "email", null, "'subjectId'")]
    [InlineData("erasure", "cust-alice", "selfService", null, "'channel'")]
    [InlineData("erasure", "cust-alice", "email", "mars", "'regime'")]
    [InlineData("wipe", "cust-alice", "email", null, "'kind'")]
    public async Task Submit_BadInput_Answers422NamingTheField(string kind, string? subjectId, string channel, string? regime, string named)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, "/privacy/requests", new { kind, subjectId, channel, regime });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(named, (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ReadOnlyOperator_Answers403NamingManage()
    {
        await using var host = await TestHost.StartAsync();
        var reader = new As("op-reader", Roles: "reader", Mfa: true);

        using var response = await host.Client.SendAsync(reader, HttpMethod.Post, "/privacy/requests", new { kind = "erasure", subjectId = "cust-alice", channel = "email" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Verify_Received_VerifiesThenSecondTimeAnswers409()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "erasure", "cust-alice");

        using var first = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/verify");
        using var second = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/verify");

        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("verified").GetBoolean());
        Assert.Equal("inProgress", body.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.EndsWith("invalid-transition", (await second.ProblemAsync()).Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OperatorWithoutOperatorRole_Answers422NotVerified()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "erasure", "cust-alice");
        var clerkWithoutVouching = new As("op-clerk2", Roles: "clerk", Mfa: true);

        using var response = await host.Client.SendAsync(clerkWithoutVouching, HttpMethod.Post, $"/privacy/requests/{id}/verify");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Identity not verified", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_InProgress_ExtendsOnceThen409()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "erasure", "cust-alice");

        using var first = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/extend", new { reason = "complex archive search" });
        using var second = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/extend", new { reason = "again" });

        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("extended", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("extendedDueAt").GetDateTimeOffset() > body.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("asked by alice.canary.7731@example.org")]
    public async Task Extend_MissingOrPersonalReason_Answers422WithoutEchoingIt(string? reason)
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "erasure", "cust-alice");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/extend", new { reason });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain(Canary.AliceEmail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_InProgress_CompletesThenSecondTimeAnswers409()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "objection", "cust-alice");

        using var first = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/complete", new { note = "marketing stopped" });
        using var second = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/complete", new { });

        Assert.Equal("completed", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Complete_Received_Answers409ListingAllowedCommands()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "objection", "cust-alice");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/complete", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("BeginVerification", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_OnGround_RejectsThen409()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "erasure", "cust-alice");

        using var first = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/reject", new { ground = "legalObligation", note = "tax records" });
        using var second = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/reject", new { ground = "excessive" });

        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", body.GetProperty("status").GetString());
        Assert.Equal("legalObligation", body.GetProperty("rejectionGround").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("because", null)]
    [InlineData("other", null)]
    public async Task Reject_BadGroundOrMissingNote_Answers422(string ground, string? note)
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "erasure", "cust-alice");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/reject", new { ground, note });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Execute_AccessRequest_ReturnsThatSubjectsPackageOnly()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "access", "cust-bob");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(Canary.BobEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary.AliceEmail, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Erasure_ReturnsCertificateAndErases()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "erasure", "cust-alice");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        var certificate = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("privacykit.erasure-certificate/1", certificate.GetProperty("schema").GetString());
        Assert.True(certificate.GetProperty("complete").GetBoolean());
        Assert.False(host.Customers.Customers.ContainsKey("cust-alice"));
        Assert.True(host.Customers.Customers.ContainsKey("cust-bob"));
    }

    [Fact]
    public async Task Execute_Rectification_ReturnsChangesWithoutValues()
    {
        await using var host = await TestHost.StartAsync();
        using var submitted = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, "/privacy/requests",
            new { kind = "rectification", subjectId = "cust-alice", channel = "email", corrections = new[] { new { entityType = "Customer", field = "Name", newValue = Canary.CorrectedName } } });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetString();
        using var verified = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/verify");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", body.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal("rectified", body.GetProperty("changes")[0].GetProperty("action").GetString());
        Assert.DoesNotContain(Canary.CorrectedName, body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(Canary.CorrectedName, host.Customers.Customers["cust-alice"].Name);
    }

    [Theory]
    [InlineData("access", "requests:export")]
    [InlineData("erasure", "requests:erase")]
    public async Task Execute_OperatorLacksKindPermission_Answers403NamingIt(string kind, string permission)
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, kind, "cust-alice");

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(permission, (await response.ProblemAsync()).Extension("permission"));
        Assert.True(host.Customers.Customers.ContainsKey("cust-alice"));
    }

    [Fact]
    public async Task Execute_SingleFactor_Answers403StepUp()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitVerifiedAsync(host, "erasure", "cust-alice");

        using var response = await host.Client.SendAsync(As.DpoSingleFactor, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("mfa", (await response.ProblemAsync()).Extension("stepUp"));
        Assert.True(host.Customers.Customers.ContainsKey("cust-alice"));
    }

    [Fact]
    public async Task Execute_NotVerified_Answers409()
    {
        await using var host = await TestHost.StartAsync();
        var id = await SubmitAsync(host, "erasure", "cust-alice");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, $"/privacy/requests/{id}/execute");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(host.Customers.Customers.ContainsKey("cust-alice"));
    }

    [Fact]
    public async Task Execute_OverTheLimit_Answers429()
    {
        await using var host = await TestHost.StartAsync(o => o.ExportPermitLimit = 1);
        var first = await SubmitVerifiedAsync(host, "access", "cust-alice");
        var second = await SubmitVerifiedAsync(host, "access", "cust-bob");

        using var ok = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, $"/privacy/requests/{first}/execute");
        using var limited = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, $"/privacy/requests/{second}/execute");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.EndsWith("export-rate-limited", (await limited.ProblemAsync()).Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_OperatorOfATenant_NeitherSeeNorChangeAnotherTenantsRequests()
    {
        await using var host = await TestHost.StartAsync();
        var euClerk = As.Clerk with { User = "op-eu", Tenant = "eu-1" };
        var usClerk = As.Clerk with { User = "op-us", Tenant = "us-1" };
        using var submitted = await host.Client.SendAsync(usClerk, HttpMethod.Post, "/privacy/requests", new { kind = "erasure", subjectId = "cust-bob", channel = "email" });
        var usRequest = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetString();

        using var list = await host.Client.SendAsync(euClerk, HttpMethod.Get, "/privacy/requests");
        using var get = await host.Client.SendAsync(euClerk, HttpMethod.Get, "/privacy/requests/" + usRequest);
        using var reject = await host.Client.SendAsync(euClerk, HttpMethod.Post, $"/privacy/requests/{usRequest}/reject", new { ground = "excessive" });
        using var foreignTenant = await host.Client.SendAsync(euClerk, HttpMethod.Post, "/privacy/requests", new { kind = "erasure", subjectId = "cust-bob", channel = "email", tenantId = "us-1" });
        using var ownList = await host.Client.SendAsync(usClerk, HttpMethod.Get, "/privacy/requests");

        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignTenant.StatusCode);
        Assert.Equal([usRequest], (await ownList.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    internal static async Task<string> SubmitAsync(TestHost host, string kind, string subjectId)
    {
        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, "/privacy/requests", new { kind, subjectId, channel = "email" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetString()!;
    }

    internal static async Task<string> SubmitVerifiedAsync(TestHost host, string kind, string subjectId)
    {
        var id = await SubmitAsync(host, kind, subjectId);
        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }
}
