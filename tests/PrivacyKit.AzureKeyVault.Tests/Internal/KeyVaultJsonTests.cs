using System.Text;
using PrivacyKit.AzureKeyVault.Internal;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class KeyVaultJsonTests
{
    [Theory]
    [InlineData("-_8", new byte[] { 0xFB, 0xFF })]
    [InlineData("+/8=", new byte[] { 0xFB, 0xFF })]
    [InlineData("+/8", new byte[] { 0xFB, 0xFF })]
    [InlineData("AQAB", new byte[] { 1, 0, 1 })]
    [InlineData("AA", new byte[] { 0 })]
    public void DecodeBase64_Base64UrlOrStandard_Decodes(string value, byte[] expected) =>
        Assert.Equal(expected, KeyVaultJson.DecodeBase64(value));

    [Theory]
    [InlineData("A")]
    [InlineData("AB$C")]
    [InlineData("AB==C")]
    public void DecodeBase64_Invalid_ReturnsNull(string value) => Assert.Null(KeyVaultJson.DecodeBase64(value));

    [Fact]
    public void WriteKeyOperation_WritesAlgorithmAndBase64UrlValue()
    {
        byte[] body = KeyVaultJson.WriteKeyOperation("RSA-OAEP-256", [0xFB, 0xFF, 0x01]);

        Assert.Equal("{\"alg\":\"RSA-OAEP-256\",\"value\":\"-_8B\"}", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"Forbidden\",\"message\":\"no\"}}", "Forbidden", "no")]
    [InlineData("{\"error\":{}}", null, null)]
    [InlineData("not json", null, null)]
    public void ReadError_ReadsCodeAndMessageWhenPresent(string body, string? code, string? message) =>
        Assert.Equal((code, message), KeyVaultJson.ReadError(Encoding.UTF8.GetBytes(body)));
}
