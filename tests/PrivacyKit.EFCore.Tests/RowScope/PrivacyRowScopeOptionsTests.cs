using PrivacyKit.EFCore.RowScope;

namespace PrivacyKit.EFCore.Tests.RowScope;

public sealed class PrivacyRowScopeOptionsTests
{
    [Fact]
    public void PermissionFor_UnmappedType_UsesLowerCasePluralName()
    {
        var options = new PrivacyRowScopeOptions();

        Assert.Equal("scopedcustomers:read", options.PermissionFor(typeof(ScopedCustomer)).ToString());
        Assert.Equal("scopednotes:read", options.PermissionFor(typeof(ScopedNote)).ToString());
    }

    [Fact]
    public void PermissionFor_MappedTypeAndAction_UsesThem()
    {
        var options = new PrivacyRowScopeOptions { ReadAction = "view" }.MapResource<ScopedCustomer>("crm-customers");

        Assert.Equal("crm-customers:view", options.PermissionFor(typeof(ScopedCustomer)).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void MapResource_WithoutResource_Throws(string? resource)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new PrivacyRowScopeOptions().MapResource<ScopedCustomer>(resource!));
        Assert.Equal("resource", ex.ParamName);
    }

    [Fact]
    public void ConfigureEntityFrameworkRowScope_NullArguments_Throw()
    {
        var builder = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddPrivacyKit();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => EntityFrameworkPrivacyKitBuilderExtensions.ConfigureEntityFrameworkRowScope(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.ConfigureEntityFrameworkRowScope(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => EntityFrameworkPrivacyKitBuilderExtensions.ConfigureEntityFrameworkAuditing(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.ConfigureEntityFrameworkAuditing(null!)).ParamName);
    }
}
