using Microsoft.Extensions.Options;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class AzureKeyVaultOptionsValidatorTests
{
    private readonly AzureKeyVaultOptionsValidator _validator = new();

    [Theory]
    [InlineData("https://contoso.vault.azure.net/keys/privacykit-kek")]
    [InlineData("https://contoso.vault.azure.net/keys/privacykit-kek/")]
    [InlineData("https://contoso.vault.azure.net/keys/privacykit-kek/0123456789abcdef0123456789abcdef")]
    [InlineData("https://contoso.managedhsm.azure.net/keys/kek1")]
    [InlineData("https://contoso.vault.azure.net:8443/keys/kek1")]
    public void Validate_WellFormedKeyId_Succeeds(string keyId)
    {
        ValidateOptionsResult result = _validator.Validate(null, Valid(new Uri(keyId)));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://contoso.vault.azure.net/keys/kek1")]
    [InlineData("https://contoso.vault.azure.net/secrets/kek1")]
    [InlineData("https://contoso.vault.azure.net/keys")]
    [InlineData("https://contoso.vault.azure.net/keys/kek_1")]
    [InlineData("https://contoso.vault.azure.net/keys/kek1/v1/extra")]
    [InlineData("https://contoso.vault.azure.net/keys/kek1?api-version=7.4")]
    [InlineData("https://user:pass@contoso.vault.azure.net/keys/kek1")]
    public void Validate_MalformedKeyId_SaysTheExpectedShape(string keyId)
    {
        ValidateOptionsResult result = _validator.Validate(null, Valid(new Uri(keyId)));

        string failure = Assert.Single(result.Failures!);
        Assert.Contains("AzureKeyVaultOptions.KeyId must be https://{vault}/keys/{name}[/{version}]", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("pass", failure.Split("but is")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeKeyId_SaysTheExpectedShape()
    {
        ValidateOptionsResult result = _validator.Validate(null, Valid(new Uri("keys/kek1", UriKind.Relative)));

        Assert.Contains("but is 'keys/kek1'", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingKeyIdAndCredential_ReportsBoth()
    {
        ValidateOptionsResult result = _validator.Validate(null, new AzureKeyVaultOptions());

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("AzureKeyVaultOptions.KeyId is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("AzureKeyVaultOptions.Credential is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(86_401)]
    public void Validate_RefreshIntervalOutOfRange_SaysTheRange(double seconds)
    {
        AzureKeyVaultOptions options = Valid();
        options.KeyRefreshInterval = TimeSpan.FromSeconds(seconds);

        string failure = Assert.Single(_validator.Validate(null, options).Failures!);

        Assert.StartsWith("AzureKeyVaultOptions.KeyRefreshInterval must be from 1 second to 1 day", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ContentLoggingEnabled_Fails()
    {
        AzureKeyVaultOptions options = Valid();
        options.Diagnostics.IsLoggingContentEnabled = true;

        string failure = Assert.Single(_validator.Validate(null, options).Failures!);

        Assert.Contains("IsLoggingContentEnabled must be false", failure, StringComparison.Ordinal);
    }

    private static AzureKeyVaultOptions Valid(Uri? keyId = null) => new()
    {
        KeyId = keyId ?? new Uri("https://contoso.vault.azure.net/keys/kek1"),
        Credential = new TestTokenCredential("t"),
    };
}
