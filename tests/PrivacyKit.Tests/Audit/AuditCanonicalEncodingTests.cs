using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed partial class AuditCanonicalEncodingTests
{
    /// <summary>The worked example of docs/audit-format.md.</summary>
    internal static readonly AuditEvent ExampleEvent = new()
    {
        Kind = AuditEventKind.PersonalDataRead,
        Action = "customers:read",
        ActorId = "u-42",
        ActorRoles = ["agent"],
        SubjectId = "cust-7",
        ResourceType = "Customer",
        ResourceId = "7",
        Fields = ["Email", "Phone"],
        Purpose = "support",
        Outcome = AuditOutcome.Success,
        Timestamp = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero),
        CorrelationId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Properties = new Dictionary<string, string> { ["requestId"] = "r-1" },
    };

    internal static readonly byte[] ExampleKey = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Write_WorkedExample_MatchesDocumentedBytesHmacAndJson()
    {
        var doc = File.ReadAllText(FindDoc());
        var documentedBytes = Block(doc, "hex canonical");
        var documentedHash = Block(doc, "hex hmac");
        var documentedJson = Block(doc, "json record");

        var buffer = new ArrayBufferWriter<byte>();
        AuditCanonicalEncoding.Write(buffer, "crm-a", 1, "example-key", new byte[32], ExampleEvent);
        var hash = HMACSHA256.HashData(ExampleKey, buffer.WrittenSpan);
        var record = new AuditRecord
        {
            InstanceId = "crm-a", Sequence = 1, KeyId = "example-key", PreviousHash = new string('0', 64),
            Hash = Convert.ToHexStringLower(hash), Event = ExampleEvent,
        };
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            AuditRecordJson.Write(writer, record);
        }

        Assert.Equal(Whitespace().Replace(documentedBytes, string.Empty), Convert.ToHexStringLower(buffer.WrittenSpan));
        Assert.Equal(documentedHash.Trim(), Convert.ToHexStringLower(hash));
        Assert.Equal(documentedJson.Trim(), Encoding.UTF8.GetString(json.WrittenSpan));
    }

    [Fact]
    public void Write_PropertiesInAnyInsertionOrder_GiveTheSameBytes()
    {
        var a = ExampleEvent with { Properties = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["é"] = "3" } };
        var b = ExampleEvent with { Properties = new Dictionary<string, string> { ["é"] = "3", ["a"] = "1", ["b"] = "2" } };
        Assert.Equal(Encode(a), Encode(b));
    }

    [Fact]
    public void Write_NullAndEmptyString_AreDistinct()
    {
        Assert.NotEqual(Encode(ExampleEvent with { Reason = null }), Encode(ExampleEvent with { Reason = string.Empty }));
    }

    [Fact]
    public void Write_FieldBoundariesShifted_GiveDifferentBytes()
    {
        // Length prefixes make "ab"+"c" and "a"+"bc" different encodings.
        Assert.NotEqual(
            Encode(ExampleEvent with { Action = "ab", ActorId = "c" }),
            Encode(ExampleEvent with { Action = "a", ActorId = "bc" }));
    }

    internal static string Encode(AuditEvent e, string instance = "crm-a", long sequence = 1)
    {
        var buffer = new ArrayBufferWriter<byte>();
        AuditCanonicalEncoding.Write(buffer, instance, sequence, "example-key", new byte[32], e);
        return Convert.ToHexStringLower(buffer.WrittenSpan);
    }

    internal static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "audit-format.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/audit-format.md not found above the test output directory.");
    }

    private static string Block(string doc, string info)
    {
        var start = doc.IndexOf("```" + info + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/audit-format.md has no ```{info} block.");
        start += info.Length + 4;
        var end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
