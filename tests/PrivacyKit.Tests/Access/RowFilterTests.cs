using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class RowFilterTests
{
    private static readonly RowScopeBinding Full = RowScopeBinding.Create(typeof(Customer), nameof(Customer.OwnerId), nameof(Customer.TeamId), nameof(Customer.TenantId));
    private static readonly RowScopeBinding OwnerOnly = RowScopeBinding.Create(typeof(Customer), nameof(Customer.OwnerId));

    private static RowFilter Filter(RowScope scope, string? tenant = "t-1") => new(scope, "u-1", ["north"], tenant);

    [Theory]
    [InlineData(RowScope.None, "u-1", "north", "t-1", false)]
    [InlineData(RowScope.Own, "u-1", null, null, true)]
    [InlineData(RowScope.Own, "u-2", "north", "t-1", false)]
    [InlineData(RowScope.Team, "u-2", "north", null, true)]
    [InlineData(RowScope.Team, "u-1", "south", null, true)]
    [InlineData(RowScope.Team, "u-2", "south", "t-1", false)]
    [InlineData(RowScope.Tenant, "u-2", "south", "t-1", true)]
    [InlineData(RowScope.Tenant, "u-1", "north", "t-2", false)]
    [InlineData(RowScope.All, null, null, null, true)]
    public void Matches_Scope_FollowsDocumentedSemantics(RowScope scope, string? owner, string? team, string? tenant, bool expected)
    {
        var customer = new Customer { OwnerId = owner, TeamId = team, TenantId = tenant };

        Assert.Equal(expected, Filter(scope).Matches(customer, Full));
    }

    [Fact]
    public void Matches_TenantScopeForActorWithoutTenant_MatchesNothing()
    {
        Assert.False(Filter(RowScope.Tenant, tenant: null).Matches(new Customer { TenantId = null }, Full));
    }

    [Fact]
    public void Matches_TenantScopeWithoutTenantProperty_ThrowsNamingWhatIsMissing()
    {
        var ex = Assert.Throws<AccessControlException>(() => Filter(RowScope.Tenant).Matches(new Customer(), OwnerOnly));

        Assert.Equal("Row scope Tenant needs a tenant property on entity type 'Customer'; name it with AccessControlOptions.MapRowScope<Customer>(...).", ex.Message);
    }

    [Fact]
    public void Create_UnknownProperty_ThrowsArgumentExceptionNamingParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => RowScopeBinding.Create(typeof(Customer), "Owner"));

        Assert.Equal("ownerProperty", ex.ParamName);
        Assert.Contains("'Owner'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Binding_ExposesPropertyNamesForQueryTranslation()
    {
        Assert.Equal((nameof(Customer.OwnerId), nameof(Customer.TeamId), nameof(Customer.TenantId)), (Full.OwnerProperty, Full.TeamProperty, Full.TenantProperty));
        Assert.Null(OwnerOnly.TeamProperty);
    }
}
