using PrivacyKit.AzureKeyVault.Internal;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class BearerChallengeTests
{
    [Theory]
    [InlineData("Bearer authorization=\"https://login.microsoftonline.com/t1\", resource=\"https://vault.azure.net\"", "resource", "https://vault.azure.net")]
    [InlineData("Bearer authorization=\"https://login.microsoftonline.com/t1\", resource=\"https://vault.azure.net\"", "authorization", "https://login.microsoftonline.com/t1")]
    [InlineData("Bearer authorization_uri=\"https://login.example/t\",scope=\"https://managedhsm.azure.net/.default\"", "scope", "https://managedhsm.azure.net/.default")]
    [InlineData("bearer resource=https://vault.azure.net", "resource", "https://vault.azure.net")]
    [InlineData("PoP nonce=\"abc\", resource=\"https://wrong\", Bearer resource=\"https://vault.azure.net\"", "resource", "https://vault.azure.net")]
    [InlineData("Bearer realm=\"a \\\"quoted\\\" realm\", resource=\"r\"", "realm", "a \"quoted\" realm")]
    public void GetParameter_ValidChallenge_ReturnsBearerParameter(string header, string name, string expected) =>
        Assert.Equal(expected, BearerChallenge.GetParameter(header, name));

    [Theory]
    [InlineData("Bearer authorization=\"https://login.microsoftonline.com/t1\"", "resource")]
    [InlineData("Basic realm=\"vault\", resource=\"https://vault.azure.net\"", "resource")]
    [InlineData("", "resource")]
    public void GetParameter_ParameterAbsentFromBearerChallenge_ReturnsNull(string header, string name) =>
        Assert.Null(BearerChallenge.GetParameter(header, name));
}
