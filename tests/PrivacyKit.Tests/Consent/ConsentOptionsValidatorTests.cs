using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed class ConsentOptionsValidatorTests
{
    private static string Fail(Action<ConsentOptions> configure)
    {
        var options = new ConsentOptions();
        configure(options);
        var result = new ConsentOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }

    [Fact]
    public void Validate_DefaultsAndValidPurposes_Succeeds()
    {
        var options = new ConsentOptions();
        ConsentTestHost.DefaultPurposes(options);
        Assert.True(new ConsentOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UndefinedErasureEvidence_FailsNamingTheProperty()
    {
        var message = Fail(o => o.ErasureEvidence = (ConsentErasureEvidence)7);
        Assert.Contains("ConsentOptions.ErasureEvidence 7", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErasureEvidence_Default_IsRetain() =>
        Assert.Equal(ConsentErasureEvidence.Retain, new ConsentOptions().ErasureEvidence);

    [Fact]
    public void Validate_DuplicatePurposeId_FailsNamingIt()
    {
        var message = Fail(o => o.AddPurpose(ConsentTestHost.Marketing()).AddPurpose(ConsentTestHost.Marketing()));
        Assert.Contains("'marketing' is registered more than once", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Marketing")]
    [InlineData("")]
    [InlineData("-x")]
    [InlineData("has space")]
    public void Validate_MalformedPurposeId_Fails(string id)
    {
        var message = Fail(o => o.AddPurpose(new ConsentPurpose { Id = id, Description = "d", LawfulBasis = LawfulBasis.Contract }));
        Assert.Contains("Purposes[0].Id", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConsentPurposeWithoutPolicyVersion_FailsSayingWhatToSet()
    {
        var message = Fail(o => o.AddPurpose(new ConsentPurpose { Id = "news", Description = "d", LawfulBasis = LawfulBasis.Consent }));
        Assert.Contains("'news' rests on consent but has no PolicyVersion", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeparateConsentPurposeOnOtherBasis_Fails()
    {
        var message = Fail(o => o.AddPurpose(new ConsentPurpose
        {
            Id = "transfer-cn",
            Description = "Transfer to the group's processor abroad",
            LawfulBasis = LawfulBasis.Contract,
            IsCrossBorderTransfer = true,
        }));
        Assert.Contains("'transfer-cn'", message, StringComparison.Ordinal);
        Assert.Contains("separate consent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadHashLifetimeAndDescription_ReportsEach()
    {
        var message = Fail(o => o.AddPurpose(new ConsentPurpose
        {
            Id = "news",
            Description = " ",
            LawfulBasis = LawfulBasis.Consent,
            PolicyVersion = "1",
            PolicyTextHash = "md5:abc",
            ConsentLifetime = TimeSpan.Zero,
        }));
        Assert.Contains("no Description", message, StringComparison.Ordinal);
        Assert.Contains("malformed PolicyTextHash", message, StringComparison.Ordinal);
        Assert.Contains("ConsentLifetime", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Validate_CacheLifetimeOutOfRange_Fails(int seconds)
    {
        var message = Fail(o => o.DecisionCacheLifetime = TimeSpan.FromSeconds(seconds));
        Assert.Contains("DecisionCacheLifetime", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidPurposes_FailsValidationOnResolve()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new ConsentTestHost(o => o.AddPurpose(new ConsentPurpose { Id = "news", Description = "d", LawfulBasis = LawfulBasis.Consent })));
        Assert.Contains("PolicyVersion", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HashPolicyText_IsSha256Hex()
    {
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConsentPurpose.HashPolicyText("abc"));
    }
}
