using PrivacyKit.BlindIndexes;

namespace PrivacyKit.Tests.BlindIndexes;

public sealed class BlindIndexNormalizersTests
{
    [Fact]
    public void Email_TrimsAndLowerCasesTheWholeAddress() =>
        Assert.Equal("ann+crm@example.org", BlindIndexNormalizers.Email.Normalize("  Ann+CRM@Example.ORG\n"));

    [Fact]
    public void PhoneDigits_NoDigits_GivesEmpty() =>
        Assert.Equal("", BlindIndexNormalizers.PhoneDigits.Normalize("n/a"));

    [Fact]
    public void Normalize_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => BlindIndexNormalizers.Email.Normalize(null!));
        Assert.Throws<ArgumentNullException>(() => BlindIndexNormalizers.TrimCaseFold.Normalize(null!));
    }
}
