namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

public sealed class AesKeyWrapTests
{
    // RFC 3394 section 4 test vectors.
    [Theory]
    [InlineData("000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")]
    [InlineData("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF", "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7")]
    [InlineData("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F", "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21")]
    public void Wrap_Rfc3394Vectors_MatchAndUnwrap(string kek, string keyData, string ciphertext)
    {
        byte[] wrapped = AesKeyWrap.Wrap(Convert.FromHexString(kek), Convert.FromHexString(keyData));

        Assert.Equal(ciphertext, Convert.ToHexString(wrapped));
        Assert.Equal(keyData, Convert.ToHexString(AesKeyWrap.Unwrap(Convert.FromHexString(kek), wrapped)!));
    }

    [Fact]
    public void Unwrap_TamperedCiphertext_ReturnsNull()
    {
        byte[] kek = Convert.FromHexString("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
        byte[] wrapped = AesKeyWrap.Wrap(kek, new byte[32]);
        wrapped[^1] ^= 1;

        Assert.Null(AesKeyWrap.Unwrap(kek, wrapped));
    }
}
