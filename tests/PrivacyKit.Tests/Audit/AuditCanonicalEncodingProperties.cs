using System.Buffers;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditCanonicalEncodingProperties
{
    [Property(MaxTest = 300)]
    public bool Encoding_OfEqualEventsBuiltSeparately_IsIdentical(NonNull<string> action, NonNull<string>[] fields, NonNull<string>[] keys, long ticks, int kind)
    {
        var a = Build(action.Get, fields, keys, ticks, kind);
        var b = Build(action.Get, fields, keys.Reverse().ToArray(), ticks, kind);
        return AuditCanonicalEncodingTests.Encode(a) == AuditCanonicalEncodingTests.Encode(b);
    }

    [Property(MaxTest = 300)]
    public bool Encoding_SurvivesTheJsonLineRoundTrip(NonNull<string> action, NonNull<string>[] fields, NonNull<string>[] keys, long ticks, int kind)
    {
        var e = Build(action.Get, fields, keys, ticks, kind);
        var record = new AuditRecord { InstanceId = "i", Sequence = 3, KeyId = "k", PreviousHash = new string('0', 64), Hash = new string('a', 64), Event = e };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditRecordJson.Write(writer, record);
        }

        var read = AuditRecordJson.TryRead(buffer.WrittenSpan, out _);
        return read is not null && AuditCanonicalEncodingTests.Encode(read.Event) == AuditCanonicalEncodingTests.Encode(e);
    }

    [Property(MaxTest = 200)]
    public bool Encoding_DiffersWhenAnyFieldDiffers(NonNull<string> action, long ticks)
    {
        var e = Build(action.Get, [], [], ticks, 1);
        var variants = new[]
        {
            e with { Action = e.Action + "." },
            e with { Timestamp = e.Timestamp.AddTicks(ticks == long.MaxValue ? -1 : 1) },
            e with { Fields = ["x"] },
            e with { Kind = AuditEventKind.Exported },
            e with { Outcome = AuditOutcome.Failure },
        };
        var original = AuditCanonicalEncodingTests.Encode(e);
        return variants.All(v => AuditCanonicalEncodingTests.Encode(v) != original)
            && AuditCanonicalEncodingTests.Encode(e, sequence: 2) != original
            && AuditCanonicalEncodingTests.Encode(e, instance: "crm-b") != original;
    }

    private static AuditEvent Build(string action, NonNull<string>[] fields, NonNull<string>[] keys, long ticks, int kind) => new()
    {
        Kind = (AuditEventKind)kind,
        Action = action,
        Fields = [.. fields.Select(f => f.Get)],
        Properties = keys.Select(k => k.Get).Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => k + "=v", StringComparer.Ordinal),
        Timestamp = new DateTimeOffset(Math.Abs(ticks % DateTime.MaxValue.Ticks), TimeSpan.Zero),
    };
}
