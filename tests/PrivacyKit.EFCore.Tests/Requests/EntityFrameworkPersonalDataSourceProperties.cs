using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Requests;

public sealed class EntityFrameworkPersonalDataSourceProperties
{
    /// <summary>
    /// However notes are spread over three customers, an export of one customer holds exactly their notes, and erasing
    /// them leaves exactly the other customers' notes in the database.
    /// </summary>
    [Property(MaxTest = 6)]
    public Property AnyDistributionOfNotes_ExportAndErasureConcernExactlyTheSubjectsNotes() =>
        Prop.ForAll(Gen.Choose(0, 2).ListOf().Select(l => l.Take(12).ToList()).ToArbitrary(), owners =>
        {
            var (exported, expected, left, others) = RunAsync(owners).GetAwaiter().GetResult();
            return exported.SetEquals(expected) && left.SetEquals(others);
        });

    private static async Task<(HashSet<string> Exported, HashSet<string> Expected, HashSet<string> Left, HashSet<string> Others)> RunAsync(List<int> owners)
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", o => o.BatchSize = 3);
        Customer[] customers = [await host.SeedAsync("c0"), await host.SeedAsync("c1"), await host.SeedAsync("c2")];
        await using (var seed = host.Provider.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<CrmContext>();
            db.Notes.AddRange(owners.Select((owner, i) => new Note { CustomerId = customers[owner].Id, Text = $"extra-{owner}-{i}" }));
            await db.SaveChangesAsync();
        }

        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var export = await source.ExportAsync(CrmHost.Request(customers[0], SubjectRequestKind.Access));
        var request = CrmHost.Request(customers[0], SubjectRequestKind.Erasure);
        await CrmHost.EraseEverythingAsync(source, request);
        var stored = await host.AllStoredValuesAsync();
        return (
            [.. export.Records.Where(r => r.EntityType == "Note").Select(r => r.Fields["Text"]!).Where(t => t.StartsWith("extra-", StringComparison.Ordinal))],
            [.. owners.Select((owner, i) => (owner, i)).Where(p => p.owner == 0).Select(p => $"extra-0-{p.i}")],
            [.. stored.Where(v => v.StartsWith("extra-", StringComparison.Ordinal))],
            [.. owners.Select((owner, i) => (owner, i)).Where(p => p.owner != 0).Select(p => $"extra-{p.owner}-{p.i}")]);
    }
}
