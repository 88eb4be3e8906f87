using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class JsonLinesAuditSinkProperties
{
    [Property(MaxTest = 25)]
    public bool WriterKilledAtAnyByteOfABatch_RestartLosesNothingAcknowledgedAndChainStaysValid(NonNegativeInt cut)
    {
        using var temp = new TempDirectory();
        return Run(temp.Path, cut.Get % 2500).GetAwaiter().GetResult();
    }

    private static async Task<bool> Run(string directory, int cut)
    {
        await using (var kit = AuditTestKit.Create(b => b.AddJsonLinesAuditSink(directory)))
        {
            for (var i = 0; i < 3; i++)
            {
                await kit.Trail.RecordAsync(AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed });
            }

            ((JsonLinesAuditSink)kit.Pipeline.Sinks[0].Sink).FailNextWriteAfterBytes = cut;
            await Task.WhenAll(Enumerable.Range(3, 4).Select(i =>
                kit.Trail.RecordAsync(AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed }).AsTask()));
        }

        await using var restarted = AuditTestKit.Create(b => b.AddJsonLinesAuditSink(directory));
        await restarted.Trail.RecordAsync(AuditTestKit.Event(7) with { Delivery = AuditDelivery.Guaranteed });
        var reader = restarted.Provider.GetRequiredService<IAuditReader>();
        var result = await restarted.Provider.GetRequiredService<AuditChainVerifier>().VerifyAsync(reader);
        var stored = await reader.QueryAsync(AuditQuery.All).Select(r => r.Sequence).ToListAsync();
        return result.IsValid
            && result.Issues.Count <= 1
            && stored.SequenceEqual([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L]);
    }
}
