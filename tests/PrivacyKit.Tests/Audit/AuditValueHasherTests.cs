using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditValueHasherTests : IDisposable
{
    private const string CanaryEmail = "canary.person+7731@example.org";
    private const string CanaryPhone = "+44 7700 900731";

    private static readonly string ChainKey = Convert.ToBase64String(Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly string ValueKey = Convert.ToBase64String(Enumerable.Repeat((byte)0x22, 32).ToArray());

    private readonly TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Hash_UsesTheValueKeyNotTheChainKey()
    {
        await using var kit = AuditTestKit.Create(options: Keys);
        var hash = kit.Provider.GetRequiredService<IAuditValueHasher>().Hash("Customer.Email", CanaryEmail);

        var input = Encoding.UTF8.GetBytes("Customer.Email\0" + CanaryEmail);
        var expected = "vh1:values-1:" + Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(ValueKey), input).AsSpan(0, 16));
        var withChainKey = Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(ChainKey), input).AsSpan(0, 16));
        Assert.Equal(expected, hash);
        Assert.DoesNotContain(withChainKey, hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_SameValueInAnotherField_Differs()
    {
        await using var kit = AuditTestKit.Create(options: Keys);
        var hasher = kit.Provider.GetRequiredService<IAuditValueHasher>();
        Assert.NotEqual(hasher.Hash("Customer.Email", CanaryEmail), hasher.Hash("Customer.BackupEmail", CanaryEmail));
        Assert.Equal(hasher.Hash("Customer.Email", CanaryEmail), hasher.Hash("Customer.Email", CanaryEmail));
    }

    [Fact]
    public async Task Record_WithValueHashes_NoPersonalValueReachesFileOrLogs()
    {
        await using (var kit = AuditTestKit.Create(b => b.AddJsonLinesAuditSink(Dir).AddLoggerAuditSink(), Keys))
        {
            var hasher = kit.Provider.GetRequiredService<IAuditValueHasher>();
            await kit.Trail.RecordAsync(new AuditEvent
            {
                Kind = AuditEventKind.Updated,
                SubjectId = "cust-7",
                ResourceType = "Customer",
                Fields = ["Email", "Phone"],
                Properties = new Dictionary<string, string>
                {
                    ["old:Email"] = hasher.Hash("Customer.Email", CanaryEmail),
                    ["new:Phone"] = hasher.Hash("Customer.Phone", CanaryPhone),
                },
                Delivery = AuditDelivery.Guaranteed,
            });
            Assert.Contains(kit.Logs.Entries, e => e.Id.Id == 5100);
            Assert.All(kit.Logs.Entries, e =>
            {
                Assert.DoesNotContain(CanaryEmail, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(CanaryPhone, e.Message, StringComparison.Ordinal);
            });
        }

        var text = string.Concat(Directory.GetFiles(Dir).Select(File.ReadAllText));
        Assert.Contains("vh1:values-1:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain("7700 900731", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ValueKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChainKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_NullField_ThrowsArgumentNullException()
    {
        await using var kit = AuditTestKit.Create(options: Keys);
        Assert.Throws<ArgumentNullException>(() => kit.Provider.GetRequiredService<IAuditValueHasher>().Hash(null!, "x"));
    }

    private static void Keys(AuditOptions o)
    {
        o.ChainKey = ChainKey;
        o.ValueHashKey = ValueKey;
    }
}
