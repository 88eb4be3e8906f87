using Microsoft.Extensions.Options;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class OptionsAuditKeyProviderTests
{
    [Fact]
    public void Constructor_NoKeys_UsesMarkedDevelopmentKeysThatDifferPerPurpose()
    {
        var keys = Create(new AuditOptions());
        Assert.True(keys.UsesDevelopmentKey);
        Assert.Equal("development", keys.CurrentChainKeyId);
        Assert.Equal("development", keys.ValueHashKeyId);
        Assert.Equal(32, keys.GetChainKey("development").Length);
        Assert.False(keys.GetChainKey("development").Span.SequenceEqual(keys.GetValueHashKey().Span));
    }

    [Fact]
    public void Constructor_RequireConfiguredKeysWithoutKeys_ThrowsAuditException()
    {
        var ex = Assert.Throws<AuditException>(() => Create(new AuditOptions { RequireConfiguredKeys = true }));
        Assert.Contains("AuditOptions.ChainKey", ex.Message, StringComparison.Ordinal);
        var values = Assert.Throws<AuditException>(() => Create(new AuditOptions { RequireConfiguredKeys = true, ChainKey = Key(1) }));
        Assert.Contains("AuditOptions.ValueHashKey", values.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetChainKey_ConfiguredAndPreviousKeys_Found()
    {
        var o = new AuditOptions { ChainKey = Key(1), ChainKeyId = "k2", ValueHashKey = Key(2) };
        o.PreviousChainKeys["k1"] = Key(3);
        var keys = Create(o);
        Assert.False(keys.UsesDevelopmentKey);
        Assert.Equal("k2", keys.CurrentChainKeyId);
        Assert.Equal(1, keys.GetChainKey("k2").Span[0]);
        Assert.Equal(3, keys.GetChainKey("k1").Span[0]);
    }

    [Fact]
    public void GetChainKey_UnknownId_ThrowsAuditExceptionNamingIt()
    {
        var ex = Assert.Throws<AuditException>(() => Create(new AuditOptions()).GetChainKey("k9"));
        Assert.Contains("'k9'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordsSignedWithUnknownKey_ReportsUnknownKey()
    {
        var records = TestChain.Build(3);
        var other = new AuditChainVerifier(Create(new AuditOptions { ChainKey = Key(5), ValueHashKey = Key(6) }));
        var issue = (await other.VerifyAsync(ListAuditReader.Of(records))).FirstIssue;
        Assert.Equal(AuditIssueKind.UnknownKey, issue!.Kind);
        Assert.Contains("'development'", issue.Message, StringComparison.Ordinal);
    }

    private static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    private static OptionsAuditKeyProvider Create(AuditOptions o) => new(Options.Create(o), Options.Create(new PrivacyKitOptions()));
}
