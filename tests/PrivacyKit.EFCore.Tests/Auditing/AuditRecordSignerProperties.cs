using FsCheck;
using FsCheck.Xunit;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Stores.Audit;
using PrivacyKit.Tests.Audit;

namespace PrivacyKit.EFCore.Tests.Auditing;

public sealed class AuditRecordSignerProperties
{
    /// <summary>Any events chained by the in-transaction writer, stored as rows and read back, verify with the core verifier.</summary>
    [Property(MaxTest = 100)]
    public bool ChainedRows_RoundTripAndVerify(NonNull<string>[] actions, NonNull<string>[] fields, NonNull<string>[] keys, long ticks)
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);
        var sink = new InMemoryAuditSink();
        var hash = AuditRecordSigner.GenesisHash;
        var records = new List<AuditRecord>();
        for (var i = 0; i < Math.Max(1, actions.Length); i++)
        {
            var e = new AuditEvent
            {
                Kind = AuditEventKind.Updated,
                Action = actions.Length == 0 ? null : Clean(actions[i].Get),
                Fields = [.. fields.Select(f => Clean(f.Get))],
                Properties = keys.Select(k => Clean(k.Get)).Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => k + "=v", StringComparer.Ordinal),
                Timestamp = new DateTimeOffset(Math.Abs(ticks % DateTime.MaxValue.Ticks), TimeSpan.Zero),
            };
            var record = signer.Chain("crm-1:ef", i + 1, hash, e);
            hash = record.Hash;
            records.Add(AuditRowMapper.ToRecord(AuditRowMapper.ToRow(record)));
        }

        sink.WriteBatchAsync(records, durable: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var result = new AuditChainVerifier(FixedAuditKeyProvider.Example).VerifyAsync(sink).AsTask().GetAwaiter().GetResult();
        return result.IsValid && result.RecordCount == records.Count;
    }

    /// <summary>Changing any stored record breaks verification at that record.</summary>
    [Property(MaxTest = 100)]
    public bool AlteredRow_IsDetected(PositiveInt count, PositiveInt victim)
    {
        using var signer = new AuditRecordSigner(FixedAuditKeyProvider.Example);
        var n = count.Get % 8 + 1;
        var target = victim.Get % n;
        var hash = AuditRecordSigner.GenesisHash;
        var records = new List<AuditRecord>();
        for (var i = 0; i < n; i++)
        {
            var record = signer.Chain("c", i + 1, hash, new AuditEvent { Kind = AuditEventKind.Created, ResourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            hash = record.Hash;
            var row = AuditRowMapper.ToRow(record);
            if (i == target)
            {
                row.ResourceId += "x";
            }

            records.Add(AuditRowMapper.ToRecord(row));
        }

        var sink = new InMemoryAuditSink();
        sink.WriteBatchAsync(records, durable: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var result = new AuditChainVerifier(FixedAuditKeyProvider.Example).VerifyAsync(sink).AsTask().GetAwaiter().GetResult();
        return !result.IsValid && result.FirstIssue!.Sequence == target + 1 && result.FirstIssue.Kind == AuditIssueKind.Altered;
    }

    // Lone surrogates are not text: JSON columns cannot hold them, and no identifier or field name contains one.
    private static string Clean(string value) => new([.. value.Where(c => !char.IsSurrogate(c))]);
}
