using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class FieldMaskTests
{
    [Theory]
    [InlineData("john@example.com", "j***@example.com")]
    [InlineData("j@example.com", "j***@example.com")]
    [InlineData("not-an-address", "n***")]
    [InlineData("@example.com", "@***")]
    public void Email_Value_KeepsFirstCharacterAndDomain(string value, string expected)
    {
        Assert.Equal(expected, FieldMask.Email(value));
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "***0958")]
    [InlineData("555-0199", "***99")]
    [InlineData("12345", "***45")]
    [InlineData("1234", "***")]
    [InlineData("no digits", "n***")]
    public void Phone_Value_KeepsOnlyLastDigits(string value, string expected)
    {
        Assert.Equal(expected, FieldMask.Phone(value));
    }

    [Theory]
    [InlineData("Jonathan", "J***")]
    [InlineData("Jon", "***")]
    [InlineData("", "***")]
    [InlineData("***", "****")]
    [InlineData("J***", "***")]
    public void Generic_Value_NeverEchoesInput(string value, string expected)
    {
        Assert.Equal(expected, FieldMask.Generic(value));
    }

    [Fact]
    public void Email_AlreadyMaskedAddress_ReturnsPlaceholderInsteadOfInput()
    {
        Assert.Equal(FieldMask.Placeholder, FieldMask.Email("j***@example.com"));
    }

    [Theory]
    [InlineData("ann@example.org", "a***@example.org")]
    [InlineData("+1 (555) 010-9999", "***9999")]
    [InlineData("Baker Street 221b", "B***")]
    public void Auto_Value_ChoosesMaskByShape(string value, string expected)
    {
        Assert.Equal(expected, FieldMask.Auto(value));
    }

    [Fact]
    public void Masks_Null_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => FieldMask.Email(null!));
        Assert.Throws<ArgumentNullException>(() => FieldMask.Phone(null!));
        Assert.Throws<ArgumentNullException>(() => FieldMask.Generic(null!));
        Assert.Throws<ArgumentNullException>(() => FieldMask.Auto(null!));
    }
}
