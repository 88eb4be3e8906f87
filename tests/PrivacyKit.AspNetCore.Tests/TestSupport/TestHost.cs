using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Classification;
using PrivacyKit.Consent;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>A real ASP.NET Core host (TestServer, or Kestrel on 127.0.0.1 port 0) of a small CRM API with PrivacyKit.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public InMemoryAuditSink Audit => App.Services.GetRequiredService<InMemoryAuditSink>();

    public CustomerDataSource Customers => App.Services.GetRequiredService<CustomerDataSource>();

    public FakeLogCollector Logs => App.Services.GetRequiredService<FakeLogCollector>();

    public static async Task<TestHost> StartAsync(
        Action<PrivacyKitAspNetCoreOptions>? configure = null,
        bool kestrel = false,
        Action<WebApplicationBuilder>? configureBuilder = null,
        string environment = "Production",
        Action<WebApplication>? map = null,
        LogLevel minimumLogLevel = LogLevel.Information)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddFakeLogging();

        var sink = new InMemoryAuditSink();
        var customers = new CustomerDataSource();
        builder.Services.AddSingleton(sink);
        builder.Services.AddSingleton(customers);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddControllers().AddApplicationPart(typeof(TestHost).Assembly);
        builder.Services.AddRedaction(r => r.SetPrivacyKitRedactor());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataSource>(customers));

        builder.Services.AddPrivacyKit(o =>
            {
                o.ApplicationName = "crm-test";
                o.InstanceId = "test-1";
            })
            .AddAccessControl(o =>
            {
                o.TrustClaimedRoles = true;
                o.DecisionCacheLifetime = TimeSpan.Zero;
                o.AddRole("sales-rep").Allow(RowScope.Own, "customers:read", "customers:update").WithDefaultFieldAccess(FieldAccess.Clear);
                o.AddRole("dpo").Allow(null, "requests:*", "access:review").WithDefaultFieldAccess(FieldAccess.Clear);
                o.AddRole("clerk").Allow(null, "requests:read", "requests:manage");
                o.AddRole("admin").Allow(null, "roles:manage");
                o.MapRowScope<Customer>(nameof(Customer.OwnerId));
            })
            .ConfigureConsent(o =>
            {
                o.AddPurpose(new ConsentPurpose { Id = "marketing", Description = "Newsletters", LawfulBasis = LawfulBasis.Consent, PolicyVersion = "1" });
                o.AddPurpose(new ConsentPurpose { Id = "ads", Description = "Sharing with ad partners", LawfulBasis = LawfulBasis.Consent, IsSaleOrSharing = true, PolicyVersion = "1" });
            })
            .AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed)
            .AddAspNetCore(configure);
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePrivacyKit();
        app.MapPrivacyEndpoints("/privacy");
        MapCrm(app);
        map?.Invoke(app);
        app.MapControllers();
        await app.StartAsync();

        HttpClient client;
        if (kestrel)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            client = new HttpClient { BaseAddress = new Uri(address) };
        }
        else
        {
            client = app.GetTestClient();
        }

        return new TestHost(app, client);
    }

    private static void MapCrm(WebApplication app)
    {
        app.MapGet("/customers/{id}", (string id, CustomerDataSource data, ILogger<TestHost> logger, IRedactorProvider redaction) =>
            {
                if (!data.Customers.TryGetValue(id, out var c))
                {
                    return Results.NotFound();
                }

                // The app logs a personal field through the redactor of its classification.
                var email = redaction.GetRedactor(PrivacyClassifications.Contact).Redact(c.Email);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Served customer {CustomerId} with e-mail {Email}", c.Id, email);
                }
                return Results.Ok(new { c.Id, c.Name, c.Email });
            })
            .RequirePermission("customers:read");

        app.MapPost("/customers/{id}/newsletter", (string id) => Results.Ok(new { sent = id }))
            .RequirePermission("customers:read").RequireConsent("marketing", "id");

        app.MapGet("/ads/profile", (HttpContext http) => Results.Ok(new { optedOut = http.Features.Get<IPrivacyRequestFeature>()!.IsOptedOutOfSaleOrSharing }))
            .RequireConsent("ads");

        app.MapGet("/context", (PrivacyKit.Context.IPrivacyContextAccessor accessor, HttpContext http) =>
        {
            var ctx = accessor.Current;
            var feature = http.Features.Get<IPrivacyRequestFeature>();
            return Results.Ok(new { actor = ctx?.Actor.Id, roles = ctx?.Actor.Roles, subject = ctx?.Actor.SubjectId, tenant = ctx?.Actor.TenantId, purpose = ctx?.Purpose, correlation = ctx?.CorrelationId, gpc = feature?.GlobalPrivacyControl, optedOut = feature?.IsOptedOutOfSaleOrSharing });
        }).RequireAuthorization();

        app.MapPut("/customers/{id}", async (string id, CustomerDataSource data, HttpContext http, IAuthorizationService authorization) =>
        {
            if (!data.Customers.TryGetValue(id, out var c))
            {
                return Results.NotFound();
            }

            var result = await authorization.AuthorizeAsync(http.User, c, new PermissionRequirement("customers:update"));
            return result.Succeeded ? Results.Ok(new { updated = id }) : Results.Forbid();
        }).RequireAuthorization();
    }

    public async Task FlushAuditAsync() => await App.Services.GetRequiredService<IAuditPipeline>().FlushAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Who the test request is from; turned into the test scheme's headers.</summary>
internal sealed record As(string? User = null, string? Subject = null, string? Roles = null, bool Mfa = false, string? Regime = null, string? Tenant = null)
{
    public static As Anonymous { get; } = new();

    public static As Alice { get; } = new("user-alice", "cust-alice", Mfa: true);

    public static As AliceSingleFactor { get; } = new("user-alice", "cust-alice");

    public static As Bob { get; } = new("user-bob", "cust-bob", Mfa: true);

    public static As Dpo { get; } = new("op-dpo", Roles: "dpo,privacy-operator", Mfa: true);

    public static As DpoSingleFactor { get; } = new("op-dpo", Roles: "dpo,privacy-operator");

    public static As Clerk { get; } = new("op-clerk", Roles: "clerk,privacy-operator", Mfa: true);

    public static As Admin { get; } = new("op-admin", Roles: "admin", Mfa: true);

    public static As Rep1 { get; } = new("rep-1", Roles: "sales-rep");

    public static As Nobody { get; } = new("user-nobody", Mfa: true);

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        Set(request, "X-Test-User", User);
        Set(request, "X-Test-Subject", Subject);
        Set(request, "X-Test-Roles", Roles);
        Set(request, "X-Test-Amr", Mfa ? "mfa" : "pwd");
        Set(request, "X-Test-Regime", Regime);
        Set(request, "X-Test-Tenant", Tenant);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PrivacyKitTests", "1.0"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static void Set(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.Add(name, value);
        }
    }
}

internal static class HttpClientExtensions
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, As who, HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = who.Request(method, path, body);
        configure?.Invoke(request);
        return client.SendAsync(request);
    }

    public static async Task<ProblemDetails> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    public static string Extension(this ProblemDetails problem, string key) => problem.Extensions[key]!.ToString()!;
}
