using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Samples.Crm.Api;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private static readonly Guid Maria = Guid.Parse("00000000-0000-0000-0000-00000000c004");
    private static readonly Guid Li = Guid.Parse("00000000-0000-0000-0000-00000000c003");

    private async Task WebAsync(StepContext step)
    {
        var jane = session.Seeded[Jane];
        await using (var app = await CrmWebApp.CreateAsync(session.Paths, ["--urls", "http://127.0.0.1:0"], "Development", quiet: true))
        {
            await app.StartAsync();
            using var http = Client(app);
            step.Show($"web host on {http.BaseAddress} (Development)");

            // A customer signs in (multi-factor) and downloads everything the CRM holds about her.
            var export = await SendAsync(http, HttpMethod.Post, "/privacy/me/export", (DevelopmentSignIn.CustomerHeader, Jane.ToString()), (DevelopmentSignIn.MfaHeader, "1"));
            step.Show($"Jane  POST /privacy/me/export -> {(int)export.Status} ({export.Body.Length:N0} bytes, {export.ContentType})");
            step.Expect("Jane's export", (HttpStatusCode.OK, true), (export.Status, export.Body.Contains(jane.Email, StringComparison.Ordinal)));

            // Row scope at the edge: Alice (sales rep) reads her own customer, not Raj's.
            var own = await SendAsync(http, HttpMethod.Get, $"/customers/{Jane}", (DevelopmentSignIn.UserHeader, "u-alice"));
            var other = await SendAsync(http, HttpMethod.Get, $"/customers/{Maria}", (DevelopmentSignIn.UserHeader, "u-alice"));
            step.Show($"Alice GET /customers/{{Jane}} -> {(int)own.Status}; GET /customers/{{Maria, Raj's customer}} -> {(int)other.Status}");
            step.Expect("Alice reads her own customer", HttpStatusCode.OK, own.Status);
            step.Expect("Alice reads Raj's customer", HttpStatusCode.Forbidden, other.Status);

            // Consent at the edge: the campaign endpoint requires marketing consent of the customer in the route.
            var toJane = await SendAsync(http, HttpMethod.Post, $"/campaigns/{Campaign}/send/{Jane}", (DevelopmentSignIn.UserHeader, "u-mia"));
            var toLi = await SendAsync(http, HttpMethod.Post, $"/campaigns/{Campaign}/send/{Li}", (DevelopmentSignIn.UserHeader, "u-mia"));
            step.Show($"Mia   POST /campaigns/{Campaign}/send/{{Jane}} -> {(int)toJane.Status}; to Li (no consent) -> {(int)toLi.Status} {Reason(toLi.Body)}");
            step.Expect("campaign to Jane", HttpStatusCode.Accepted, toJane.Status);
            step.Expect("campaign to Li", (HttpStatusCode.Forbidden, true), (toLi.Status, toLi.Body.Contains("\"consent\":\"marketing\"", StringComparison.Ordinal)));

            // Global Privacy Control: Jane's browser sends Sec-GPC: 1; PrivacyKit records her opt-out of sale and sharing.
            var consent = app.Services.GetRequiredService<IConsentService>();
            var before = await consent.IsOptedOutOfSaleOrSharingAsync(Jane.ToString());
            var gpc = await SendAsync(http, HttpMethod.Get, "/privacy/me/consents", (DevelopmentSignIn.CustomerHeader, Jane.ToString()), ("Sec-GPC", "1"));
            var after = await consent.IsOptedOutOfSaleOrSharingAsync(Jane.ToString());
            step.Show($"Jane  GET /privacy/me/consents with Sec-GPC: 1 -> {(int)gpc.Status}; opted out of sale/sharing: {before} -> {after}");
            step.Expect("GPC opt-out recorded", (HttpStatusCode.OK, false, true), (gpc.Status, before, after));
            await app.StopAsync();
            await app.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        }

        // The same host in Production refuses the development sign-in.
        await using (var production = await CrmWebApp.CreateAsync(session.Paths, ["--urls", "http://127.0.0.1:0"], "Production", quiet: true))
        {
            await production.StartAsync();
            using var http = Client(production);
            var refused = await SendAsync(http, HttpMethod.Get, "/customers", (DevelopmentSignIn.UserHeader, "u-alice"));
            step.Show($"Production: Alice GET /customers with the development sign-in -> {(int)refused.Status}");
            step.Expect("development sign-in in Production", HttpStatusCode.Unauthorized, refused.Status);
            await production.StopAsync();
            await production.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        }
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static async Task<(HttpStatusCode Status, string Body, string? ContentType)> SendAsync(
        HttpClient http, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Reason(string problem) =>
        System.Text.Json.JsonDocument.Parse(problem.Length > 0 ? problem : "{}").RootElement.TryGetProperty("reason", out var r) ? $"({r.GetString()})" : "";
}
