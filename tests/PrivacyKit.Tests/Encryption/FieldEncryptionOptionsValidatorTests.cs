using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Encryption;

namespace PrivacyKit.Tests.Encryption;

public sealed class FieldEncryptionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new FieldEncryptionOptionsValidator().Validate(null, new FieldEncryptionOptions()).Succeeded);

    [Theory]
    [InlineData(0, 60, 64, "KeyCacheSize")]
    [InlineData(10, 0.5, 64, "KeyCacheLifetime")]
    [InlineData(10, 60, 12, "BlindIndexBits")]
    [InlineData(10, 60, 512, "BlindIndexBits")]
    public void Validate_OutOfRange_FailsNamingTheOptionAndTheFix(int size, double lifetimeSeconds, int bits, string option)
    {
        var options = new FieldEncryptionOptions { KeyCacheSize = size, KeyCacheLifetime = TimeSpan.FromSeconds(lifetimeSeconds), BlindIndexBits = bits };

        var result = new FieldEncryptionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("FieldEncryptionOptions." + option, failure, StringComparison.Ordinal);
        Assert.Contains("set it to", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacyKit_InvalidOptions_FailWhenOptionsAreRead()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().ConfigureFieldEncryption(o => o.KeyCacheSize = -1);
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FieldEncryptionOptions>>().Value);
        Assert.Contains("KeyCacheSize", e.Message, StringComparison.Ordinal);
    }
}
