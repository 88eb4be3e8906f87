using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Auditing;

public sealed class ReadAuditInterceptorTests
{
    private const string Canary = "canary-diagnosis-7781";

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_SensitiveEntities_RecordsOneReadPerSubjectPerQuery(string provider)
    {
        await using var host = await SeededAsync(provider);
        using (host.As("u-1", "care", "agent"))
        {
            await using var context = host.CreateContext();
            var rows = await context.Customers.Where(c => new[] { "S1", "S2", "S3" }.Contains(c.Code)).ToListAsync();
            Assert.Equal(3, rows.Count);
        }

        var reads = await ReadsAsync(host);
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r =>
        {
            Assert.Equal(AuditEventKind.PersonalDataRead, r.Kind);
            Assert.Equal("u-1", r.ActorId);
            Assert.Equal("care", r.Purpose);
            Assert.Equal("AuditCustomer", r.ResourceType);
            Assert.Equal(["HealthNote"], r.Fields);
        });
        Assert.Equal(["1", "2", "3"], reads.Select(r => r.SubjectId).Order(StringComparer.Ordinal));
        Assert.All(reads, r => Assert.Equal("1", r.Properties["rows"]));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_EachExecution_IsItsOwnBatch(string provider)
    {
        await using var host = await SeededAsync(provider);
        await using (var context = host.CreateContext())
        {
            _ = await context.Customers.AsNoTracking().Where(c => c.Code == "S1").ToListAsync();
            _ = await context.Customers.AsNoTracking().Where(c => c.Code == "S1").FirstAsync();
            _ = context.Customers.AsNoTracking().Where(c => c.Code == "S3").ToList();
        }

        Assert.Equal(["1", "1", "2"], (await ReadsAsync(host)).Select(r => r.SubjectId));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_ContactDataByDefault_IsNotRecorded_UnlessConfigured(string provider)
    {
        await using (var host = await SeededAsync(provider))
        {
            await using var context = host.CreateContext();
            _ = await context.Contacts.ToListAsync();
            _ = await context.Deals.ToListAsync();
            Assert.Empty(await ReadsAsync(host));
        }

        await using (var host = await SeededAsync(provider, o => o.AuditReadsOf.Add("Contact")))
        {
            await using var context = host.CreateContext();
            _ = await context.Contacts.ToListAsync();
            var reads = await ReadsAsync(host);
            Assert.Equal(2, reads.Count);
            Assert.All(reads, r => Assert.Equal(["Phone"], r.Fields));
            Assert.Equal("2", reads.Single(r => r.SubjectId == "1").Properties["rows"]);
            Assert.Equal("1", reads.Single(r => r.SubjectId == "2").Properties["rows"]);
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_WithInclude_GroupsEveryEntityOfASubjectInOneEvent(string provider)
    {
        await using var host = await SeededAsync(provider, o => o.AuditAllPersonalReads = true);
        await using (var context = host.CreateContext())
        {
            _ = await context.Customers.Include(c => c.Contacts).Where(c => c.Code == "S1").ToListAsync();
        }

        var read = Assert.Single(await ReadsAsync(host));
        Assert.Null(read.ResourceType);
        Assert.Equal("1", read.SubjectId);
        Assert.Contains("AuditCustomer.HealthNote", read.Fields);
        Assert.Contains("AuditCustomer.Name", read.Fields);
        Assert.Contains("AuditContact.Phone", read.Fields);
        Assert.Equal("3", read.Properties["rows"]);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ReadEvents_NeverHoldPersonalValues(string provider)
    {
        await using var host = await SeededAsync(provider, o => o.AuditAllPersonalReads = true);
        await using (var context = host.CreateContext())
        {
            _ = await context.Customers.Include(c => c.Contacts).ToListAsync();
        }

        var records = host.Sink.Records;
        Assert.NotEmpty(records);
        var text = string.Join("|", records.Select(r => string.Join(",", r.Event.Fields) + r.Event + string.Join(",", r.Event.Properties.Values)));
        Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+44", text, StringComparison.Ordinal);
    }

    private static async Task<AuditTestHost> SeededAsync(string provider, Action<EFCore.Auditing.EntityFrameworkAuditOptions>? configure = null)
    {
        var host = await AuditTestHost.CreateAsync(provider, withStore: false, configure: o =>
        {
            o.AuditChanges = false;
            configure?.Invoke(o);
        });
        await using var context = host.CreateContext();
        context.Customers.AddRange(
            new AuditCustomer { Id = 1, Code = "S1", Name = "Zed One", HealthNote = Canary },
            new AuditCustomer { Id = 2, Code = "S3", Name = "Zed Two", HealthNote = Canary });
        await context.SaveChangesAsync();
        context.Customers.Add(new AuditCustomer { Id = 3, Code = "S2", Name = "Zed Three" });
        context.Contacts.AddRange(
            new AuditContact { CustomerId = 1, Phone = "+44 1" },
            new AuditContact { CustomerId = 1, Phone = "+44 2" },
            new AuditContact { CustomerId = 2, Phone = "+44 3" });
        context.Deals.Add(new AuditDeal { Amount = 3 });
        await context.SaveChangesAsync();
        return host;
    }

    private static async Task<List<AuditEvent>> ReadsAsync(AuditTestHost host)
    {
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        return [.. host.Sink.Records.Select(r => r.Event).Where(e => e.Kind == AuditEventKind.PersonalDataRead)];
    }
}
