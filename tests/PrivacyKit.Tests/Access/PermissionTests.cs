using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class PermissionTests
{
    [Fact]
    public void Parse_ResourceAndAction_SplitsAtColon()
    {
        var permission = Permission.Parse("customers:export");

        Assert.Equal("customers", permission.Resource);
        Assert.Equal("export", permission.Action);
        Assert.Equal("customers:export", permission.ToString());
    }

    [Fact]
    public void Parse_UpperCase_NormalizesToLowerCase()
    {
        Assert.Equal(Permission.Parse("customers:read"), Permission.Parse("Customers:READ"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("customers")]
    [InlineData(":read")]
    [InlineData("customers:")]
    [InlineData("cus tomers:read")]
    [InlineData("customers:read:all")]
    [InlineData("*:read")]
    public void Parse_Malformed_ThrowsArgumentException(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => Permission.Parse(text));

        Assert.Equal("text", ex.ParamName);
        Assert.Contains("resource:action", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Permission.Parse(null!));
    }

    [Fact]
    public void Constructor_BadAction_ThrowsArgumentExceptionNamingAction()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Permission("customers", "re ad"));

        Assert.Equal("action", ex.ParamName);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Permission.TryParse(null, out var permission));
        Assert.True(permission.IsEmpty);
    }

    [Fact]
    public void Covers_Wildcard_CoversEveryActionOfItsResourceOnly()
    {
        var wildcard = Permission.Parse("requests:*");

        Assert.True(wildcard.IsWildcard);
        Assert.True(wildcard.Covers(Permission.Parse("requests:erase")));
        Assert.False(wildcard.Covers(Permission.Parse("customers:erase")));
        Assert.False(Permission.Parse("requests:read").Covers(Permission.Parse("requests:erase")));
    }

    [Fact]
    public void Default_IsEmpty_AndEqualsNothingParsed()
    {
        var empty = default(Permission);

        Assert.True(empty.IsEmpty);
        Assert.Equal(string.Empty, empty.ToString());
        Assert.NotEqual(Permission.Parse("a:b"), empty);
        Assert.False(empty.Covers(empty));
    }
}
