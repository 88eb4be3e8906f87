using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Tests.Endpoints;

public sealed class AccessEndpointsTests(SharedHost shared) : IClassFixture<SharedHost>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/privacy/access/review" },
        { "POST", "/privacy/access/review/any-id" },
        { "POST", "/privacy/access/roles" },
        { "DELETE", "/privacy/access/roles/any-id" },
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
    public async Task Endpoint_DataSubject_Answers403(string method, string path)
    {
        var host = shared.Host;
        var assignment = await GrantAsync(host, "op-x", "clerk");

        using var response = await host.Client.SendAsync(As.Alice, new HttpMethod(method), path.Replace("any-id", assignment, StringComparison.Ordinal),
            new { decision = "revoke", actorId = "user-alice", role = "dpo" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("op-x", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await host.App.Services.GetRequiredService<IRoleStore>().FindAssignmentAsync(assignment))!.RevokedAt);
    }

    [Theory]
    [InlineData("POST", "/privacy/access/review/any-id")]
    [InlineData("POST", "/privacy/access/roles")]
    [InlineData("DELETE", "/privacy/access/roles/any-id")]
    public async Task Endpoint_SingleFactor_Answers403StepUp(string method, string path)
    {
        await using var host = await TestHost.StartAsync();
        var weak = new As("op-boss", Roles: "admin,dpo");

        using var response = await host.Client.SendAsync(weak, new HttpMethod(method), path, new { decision = "revoke", actorId = "op-y", role = "clerk" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("mfa", (await response.ProblemAsync()).Extension("stepUp"));
    }

    [Fact]
    public async Task GetReview_Reviewer_ListsAssignments()
    {
        await using var host = await TestHost.StartAsync();
        var assignment = await GrantAsync(host, "op-x", "clerk");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Get, "/privacy/access/review");

        var entry = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray());
        Assert.Equal(assignment, entry.GetProperty("assignment").GetProperty("id").GetString());
        Assert.Equal("op-x", entry.GetProperty("assignment").GetProperty("actorId").GetString());
        Assert.Equal("op-admin", entry.GetProperty("assignment").GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task GetReview_WithoutAccessReview_Answers403NamingIt()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Clerk, HttpMethod.Get, "/privacy/access/review");

        Assert.Equal("access:review", (await response.ProblemAsync()).Extension("permission"));
    }

    [Fact]
    public async Task Recertify_Revoke_RevokesAndAudits()
    {
        await using var host = await TestHost.StartAsync();
        var assignment = await GrantAsync(host, "op-x", "clerk");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, "/privacy/access/review/" + assignment, new { decision = "revoke" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("op-dpo", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedBy").GetString());
        await host.FlushAuditAsync();
        Assert.Contains(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessReviewed && r.Event.ActorId == "op-dpo");
    }

    [Fact]
    public async Task Recertify_UnknownAssignment_Answers404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, "/privacy/access/review/nope", new { decision = "keep" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Recertify_BadDecision_Answers422()
    {
        await using var host = await TestHost.StartAsync();
        var assignment = await GrantAsync(host, "op-x", "clerk");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, "/privacy/access/review/" + assignment, new { decision = "maybe" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Recertify_OwnAssignment_Answers409()
    {
        await using var host = await TestHost.StartAsync();
        var assignment = await GrantAsync(host, "op-dpo", "clerk");

        using var response = await host.Client.SendAsync(As.Dpo, HttpMethod.Post, "/privacy/access/review/" + assignment, new { decision = "keep" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Grant_Admin_Answers201AndStoresAssignment()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Post, "/privacy/access/roles", new { actorId = "op-new", role = "clerk" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var stored = await host.App.Services.GetRequiredService<IRoleStore>().FindAssignmentAsync(id);
        Assert.Equal(("op-new", "clerk", "op-admin"), (stored!.ActorId, stored.Role, stored.GrantedBy));
    }

    [Theory]
    [InlineData("op-new", "wizard")]
    [InlineData(null, "clerk")]
    public async Task Grant_UnknownRoleOrMissingActor_Answers422(string? actorId, string role)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Post, "/privacy/access/roles", new { actorId, role });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Grant_ToSelf_Answers409()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Post, "/privacy/access/roles", new { actorId = "op-admin", role = "dpo" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Grant_ConflictingRoles_Answers409SeparationOfDuties()
    {
        await using var host = await TestHost.StartAsync(configureBuilder: b =>
            b.Services.Configure<AccessControlOptions>(o => o.AddConflictingRoles("clerk", "dpo")));
        await GrantAsync(host, "op-x", "clerk");

        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Post, "/privacy/access/roles", new { actorId = "op-x", role = "dpo" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("separation-of-duties", (await response.ProblemAsync()).Type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Active_RevokesThenSecondTimeAnswers409()
    {
        await using var host = await TestHost.StartAsync();
        var assignment = await GrantAsync(host, "op-x", "clerk");

        using var first = await host.Client.SendAsync(As.Admin, HttpMethod.Delete, "/privacy/access/roles/" + assignment);
        using var second = await host.Client.SendAsync(As.Admin, HttpMethod.Delete, "/privacy/access/roles/" + assignment);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull((await host.App.Services.GetRequiredService<IRoleStore>().FindAssignmentAsync(assignment))!.RevokedAt);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Revoke_UnknownAssignment_Answers404()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Delete, "/privacy/access/roles/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> GrantAsync(TestHost host, string actorId, string role)
    {
        using var response = await host.Client.SendAsync(As.Admin, HttpMethod.Post, "/privacy/access/roles", new { actorId, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
