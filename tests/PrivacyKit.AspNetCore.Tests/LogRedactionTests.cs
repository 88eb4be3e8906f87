using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PrivacyKit.AspNetCore.Tests.TestSupport;

namespace PrivacyKit.AspNetCore.Tests;

public sealed class LogRedactionTests
{
    [Fact]
    public async Task FullRequests_WithRedactionEnabled_LogsAndAuditHoldNoCanaryValue()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, minimumLogLevel: Microsoft.Extensions.Logging.LogLevel.Trace);

        using var read = await host.Client.SendAsync(As.Rep1, HttpMethod.Get, "/customers/cust-alice");
        using var export = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/export", configure: r => r.Headers.Add("Sec-GPC", "1"));
        using var rectify = await host.Client.SendAsync(As.Alice, HttpMethod.Post, "/privacy/me/requests",
            new { kind = "rectification", corrections = new[] { new { entityType = "Customer", field = "Name", newValue = Canary.CorrectedName } } });
        var id = (await rectify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var execute = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/execute");
        using var badReason = await host.Client.SendAsync(As.Clerk, HttpMethod.Post, $"/privacy/requests/{id}/extend", new { reason = "for " + Canary.AliceEmail });
        await host.FlushAuditAsync();

        // The requests did what they should: the canaries really went through the host.
        Assert.Contains(Canary.AliceEmail, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Canary.AliceName, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, execute.StatusCode);
        Assert.Equal(Canary.CorrectedName, host.Customers.Customers["cust-alice"].Name);

        var logs = host.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Message.Contains("Served customer cust-alice with e-mail ****", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Id.Id == 9001); // the GPC opt-out was logged, by identifiers only
        var logText = string.Join("\n", logs.Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(kv => kv.Value) ?? []) + " " + r.Exception));
        var auditText = string.Join("\n", host.Audit.Records.Select(r => JsonSerializer.Serialize(r.Event)));
        foreach (var canary in Canary.All)
        {
            Assert.DoesNotContain(canary, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, auditText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Canary.AliceEmail, await badReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
