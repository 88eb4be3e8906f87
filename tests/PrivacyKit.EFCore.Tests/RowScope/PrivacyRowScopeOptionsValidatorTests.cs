using PrivacyKit.EFCore.RowScope;

namespace PrivacyKit.EFCore.Tests.RowScope;

public sealed class PrivacyRowScopeOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new PrivacyRowScopeOptionsValidator().Validate(null, new PrivacyRowScopeOptions()).Succeeded);

    [Theory]
    [InlineData("*")]
    [InlineData("read all")]
    [InlineData("")]
    public void Validate_BadReadAction_NamesTheProperty(string action)
    {
        var result = new PrivacyRowScopeOptionsValidator().Validate(null, new PrivacyRowScopeOptions { ReadAction = action });

        Assert.Contains("PrivacyRowScopeOptions.ReadAction", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadResource_NamesTheEntityType()
    {
        var options = new PrivacyRowScopeOptions().MapResource<ScopedCustomer>("crm customers");

        var failure = Assert.Single(new PrivacyRowScopeOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("Resources[ScopedCustomer]", failure, StringComparison.Ordinal);
    }
}
