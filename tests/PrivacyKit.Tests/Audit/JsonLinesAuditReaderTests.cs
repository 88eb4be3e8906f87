using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class JsonLinesAuditReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task VerifyAsync_OfflineReaderOverTwoInstances_SeesBothChains()
    {
        foreach (var instance in new[] { "web-1", "web-2" })
        {
            await using var kit = AuditTestKit.Create(b => b.AddJsonLinesAuditSink(_temp.Path, o => o.FilePrefix = "crm"), instanceId: instance);
            for (var i = 0; i < 3; i++)
            {
                await kit.Trail.RecordAsync(AuditTestKit.Event(i));
            }
        }

        var reader = new JsonLinesAuditReader(Path.GetFullPath(_temp.Path), "crm");
        var keys = new OptionsAuditKeyProvider(
            Microsoft.Extensions.Options.Options.Create(new AuditOptions()), Microsoft.Extensions.Options.Options.Create(new PrivacyKitOptions()));
        var result = await new AuditChainVerifier(keys).VerifyAsync(reader);
        Assert.True(result.IsValid);
        Assert.Equal(6, result.RecordCount);
        Assert.Equal(3, result.Heads["web-1"].Sequence);
        Assert.Equal(["web-1", "web-2"], (await reader.QueryAsync(AuditQuery.All).Select(r => r.InstanceId).Distinct().ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await reader.GetChainHeadAsync("web-2"))!.Sequence);
        Assert.Null(await reader.GetChainHeadAsync("web-3"));
        Assert.Null(await reader.GetChainHeadAsync("web"));
    }

    [Fact]
    public async Task ReadStoredAsync_MissingDirectory_IsEmpty()
    {
        var reader = new JsonLinesAuditReader(Path.Combine(_temp.Path, "none"));
        Assert.Empty(await reader.ReadStoredAsync().ToListAsync());
    }

    [Fact]
    public void Constructor_EmptyDirectory_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new JsonLinesAuditReader(" "));
        Assert.Throws<ArgumentNullException>(() => new JsonLinesAuditReader(null!));
    }
}
