using Microsoft.EntityFrameworkCore;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.EndToEnd;

/// <summary>Many contexts of one application saving and reading at the same time with auditing on: no audit event is lost.</summary>
public sealed class CrmConcurrencyTests
{
    private const int Reps = 6;
    private const int Rounds = 4;

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveAndRead_ParallelContexts_LoseNoAuditEvent(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var created = new List<Guid>[Reps];
        using var start = new SemaphoreSlim(0, Reps);
        var workers = Enumerable.Range(0, Reps).Select(rep => Task.Run(async () =>
        {
            await start.WaitAsync();
            created[rep] = [];
            using var actor = app.As($"rep-{rep}", "sales-rep");
            for (var round = 1; round <= Rounds; round++)
            {
                var customer = new E2eCustomer { OwnerId = $"rep-{rep}", Name = $"c{rep}-{round}", Email = $"c{rep}-{round}@example.org", HealthNote = $"h{rep}-{round}" };
                await app.InScopeAsync(async db =>
                {
                    db.Customers.Add(customer);
                    await db.SaveChangesAsync();
                });
                created[rep].Add(customer.Id);

                await app.InScopeAsync(async db =>
                {
                    var own = await db.Customers.OrderBy(c => c.Name).ToListAsync();
                    Assert.Equal(round, own.Count);
                    own[^1].Email = $"c{rep}-{round}.changed@example.org";
                    await db.SaveChangesAsync();
                });
            }
        })).ToList();
        start.Release(Reps);
        await Task.WhenAll(workers);

        var records = await app.AuditRecordsAsync();
        var ids = created.SelectMany(c => c).Select(id => id.ToString("D")).Order().ToList();
        var changes = records.Where(r => r.InstanceId == CrmApp.InstanceId + ":ef").Select(r => r.Event).ToList();
        Assert.Equal(ids, changes.Where(e => e.Kind == AuditEventKind.Created).Select(e => e.ResourceId!).Order());
        Assert.Equal(ids, changes.Where(e => e.Kind == AuditEventKind.Updated).Select(e => e.ResourceId!).Order());
        Assert.All(changes.Where(e => e.Kind == AuditEventKind.Updated), e => Assert.Equal(["Email"], e.Fields));
        var repOf = Enumerable.Range(0, Reps).SelectMany(rep => created[rep].Select(id => (Id: id.ToString("D"), Rep: rep))).ToDictionary(x => x.Id, x => $"rep-{x.Rep}");
        Assert.All(changes, e => Assert.Equal(repOf[e.ResourceId!], e.ActorId));

        // Each rep's k-th read materialised k own customers: one read event per subject and query.
        var reads = records.Where(r => r.Event.Kind == AuditEventKind.PersonalDataRead).Select(r => r.Event).ToList();
        Assert.Equal(Reps * Rounds * (Rounds + 1) / 2, reads.Count);
        Assert.All(Enumerable.Range(0, Reps), rep => Assert.Equal(
            created[rep].Select((id, i) => (id.ToString("D"), Rounds - i)).Order(),
            reads.Where(e => e.ActorId == $"rep-{rep}").GroupBy(e => e.SubjectId!).Select(g => (g.Key, g.Count())).Order()));

        // The transaction chain has no gap and no fork, and every chain verifies.
        Assert.Equal(Enumerable.Range(1, changes.Count).Select(i => (long)i), records.Where(r => r.InstanceId == CrmApp.InstanceId + ":ef").Select(r => r.Sequence));
        var verification = await app.VerifyAuditAsync();
        Assert.True(verification.IsValid, verification.FirstIssue?.ToString());
        Assert.Equal(records.Count, verification.RecordCount);
    }
}
