using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Tests.Http;

public sealed class HttpAuditTrailTests
{
    [Fact]
    public async Task RecordAsync_DuringKestrelRequest_AddsKeyedHashesOfClientAddressAndUserAgentOnly()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);

        using var response = await host.Client.SendAsync(As.Nobody, HttpMethod.Get, "/customers/cust-alice");
        await host.FlushAuditAsync();

        var denial = Assert.Single(host.Audit.Records, r => r.Event.Kind == AuditEventKind.AccessDenied).Event;
        var hasher = host.App.Services.GetRequiredService<IAuditValueHasher>();
        Assert.Equal(hasher.Hash("http.clientIp", "127.0.0.1"), denial.Properties["clientIpHash"]);
        Assert.Equal(hasher.Hash("http.userAgent", "PrivacyKitTests/1.0"), denial.Properties["userAgentHash"]);
        Assert.DoesNotContain(denial.Properties.Values, v => v.Contains("127.0.0.1", StringComparison.Ordinal) || v.Contains("PrivacyKitTests", StringComparison.Ordinal));
        Assert.Matches("^[0-9a-f]{32}$", denial.CorrelationId);
    }

    [Fact]
    public async Task RecordAsync_OutsideRequest_LeavesEventAsIs()
    {
        await using var host = await TestHost.StartAsync();

        await host.App.Services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, ActorId = "system" });
        await host.FlushAuditAsync();

        var record = Assert.Single(host.Audit.Records);
        Assert.Empty(record.Event.Properties);
    }
}
