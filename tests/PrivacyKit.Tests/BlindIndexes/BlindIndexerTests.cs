using PrivacyKit.BlindIndexes;
using PrivacyKit.Encryption;
using PrivacyKit.Tests.Encryption;

namespace PrivacyKit.Tests.BlindIndexes;

public sealed class BlindIndexerTests : IDisposable
{
    private readonly EncryptionTestHost _host = new();

    private IBlindIndexer Indexer => _host.BlindIndexer;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Compute_DefaultLength_Is64BitsAndNullStaysNull()
    {
        Assert.Equal(8, Indexer.Compute("Customer.Email", "ann@example.org")!.Length);
        Assert.Null(Indexer.Compute("Customer.Email", null));
        Assert.Null(Indexer.ComputeText("Customer.Email", null));
        Assert.Equal(Convert.ToBase64String(Indexer.Compute("Customer.Email", "x")!), Indexer.ComputeText("Customer.Email", "x"));
    }

    [Fact]
    public void Compute_EmailNormaliser_MatchesCaseAndSpacingVariants()
    {
        var index = Indexer.Compute("Customer.Email", "Ann@Example.org", BlindIndexNormalizers.Email);

        Assert.Equal(index, Indexer.Compute("Customer.Email", "  ann@EXAMPLE.ORG ", BlindIndexNormalizers.Email));
        Assert.NotEqual(index, Indexer.Compute("Customer.Email", "ann+crm@example.org", BlindIndexNormalizers.Email));
    }

    [Fact]
    public void Compute_PhoneNormaliser_KeepsDigitsOnly()
    {
        Assert.Equal("442079460000", BlindIndexNormalizers.PhoneDigits.Normalize("+44 (20) 7946-0000"));
        Assert.Equal(
            Indexer.Compute("Customer.Phone", "+44 20 7946 0000", BlindIndexNormalizers.PhoneDigits),
            Indexer.Compute("Customer.Phone", "44-20-7946-0000", BlindIndexNormalizers.PhoneDigits));
    }

    [Fact]
    public void TrimCaseFold_FoldsCompatibilityFormsAndCase()
    {
        Assert.Equal("file", BlindIndexNormalizers.TrimCaseFold.Normalize("  \uFF26\uFF29LE "));
        Assert.Equal("müller", BlindIndexNormalizers.TrimCaseFold.Normalize(" MÜLLER\t"));
        Assert.Equal(" Exact ", BlindIndexNormalizers.None.Normalize(" Exact "));
    }

    [Fact]
    public void Compute_DifferentIndexNames_UseDifferentKeys()
    {
        Assert.NotEqual(Indexer.Compute("Customer.Email", "x", bits: 256), Indexer.Compute("Lead.Email", "x", bits: 256));
    }

    [Fact]
    public async Task RootKey_IsStoredWrappedAndSurvivesARestartButNotShredding()
    {
        var before = Indexer.Compute("Customer.Email", "ann@example.org");
        _host.Encryptor.Encrypt("x", EncryptionTestHost.Context("ann"));
        await _host.Keys.ShredAsync(EncryptionScope.ForSubject("ann"));

        var root = await _host.Store.FindLatestAsync(BlindIndexer.RootKeyScope);
        Assert.NotNull(root!.WrappedKey);
        Assert.Equal(_host.Kek.KeyId, root.KeyEncryptionKeyId);
        Assert.Equal(before, Indexer.Compute("Customer.Email", "ann@example.org"));

        using var restarted = new EncryptionTestHost(_host.Store, _host.Kek);
        await restarted.BlindIndexer.PreloadAsync();
        Assert.Equal(before, restarted.BlindIndexer.Compute("Customer.Email", "ann@example.org"));

        using var otherStore = new EncryptionTestHost(kek: _host.Kek);
        Assert.NotEqual(before, otherStore.BlindIndexer.Compute("Customer.Email", "ann@example.org"));
    }

    [Fact]
    public async Task RootKey_AfterKekRotationAndRewrap_GivesTheSameIndexes()
    {
        var before = Indexer.Compute("Customer.Email", "ann@example.org");
        _host.Kek.Inner.Rotate();

        var result = await _host.Keys.RewrapAllAsync();

        using var restarted = new EncryptionTestHost(_host.Store, _host.Kek);
        Assert.Equal(1, result.Rewrapped);
        Assert.Equal(before, restarted.BlindIndexer.Compute("Customer.Email", "ann@example.org"));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(264)]
    public void Compute_InvalidLength_ThrowsArgumentException(int bits)
    {
        var e = Assert.Throws<ArgumentException>(() => Indexer.Compute("Customer.Email", "x", bits: bits));
        Assert.Equal("bits", e.ParamName);
    }

    [Fact]
    public void Compute_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => Indexer.Compute("", "x"));
        Assert.Throws<ArgumentNullException>(() => Indexer.Compute(null!, "x"));
        Assert.Throws<ArgumentException>(() => Indexer.Compute("Customer.Name", "a\uDC00"));
    }

    [Fact]
    public void Compute_KmsDown_ThrowsKeyManagementException()
    {
        _host.Kek.Failure = new TimeoutException();

        Assert.Throws<PrivacyKit.Keys.KeyManagementException>(() => Indexer.Compute("Customer.Email", "x"));
    }
}
