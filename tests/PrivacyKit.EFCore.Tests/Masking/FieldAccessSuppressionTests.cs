using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Masking;

/// <summary>
/// A data subject holds no CRM permission, so field access would hide every field of their own records; the request
/// workflow authorises the personal-data source, which must read and write the stored values, not masked ones.
/// </summary>
public sealed class FieldAccessSuppressionTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExportAsync_SignedInSubjectWithoutPermissions_ExportsTheStoredValues(string provider)
    {
        EfTestHost? host = null;
        host = await EfTestHost.CreateAsync(provider, b =>
        {
            b.AddAccessControl(o =>
            {
                o.TrustClaimedRoles = true;
                o.AddRole("support").Allow(Access.RowScope.All, "customers:read")
                    .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked);
            });
            b.AddEntityFrameworkPersonalData<CrmContext>();
            b.Services.AddScoped(_ => host!.CreateContext(Configure));
        });
        await using var owned = host;
        var ann = await host.SeedAsync();
        var accessor = host.Services.GetRequiredService<IPrivacyContextAccessor>();
        var request = new PersonalDataSourceContext { RequestId = "r1", SubjectId = ann.Id.ToString(), Kind = SubjectRequestKind.Access };

        using (accessor.Push(new PrivacyContext(new PrivacyActor("subject-ann", []) { SubjectId = ann.Id.ToString() })))
        {
            await using (var context = host.CreateContext(Configure))
            {
                Assert.NotEqual(ann.Email, (await context.Customers.SingleAsync()).Email); // the subject's own query is masked
            }

            await using var scope = host.Services.CreateAsyncScope();
            var source = Assert.Single(scope.ServiceProvider.GetServices<IPersonalDataSource>(), s => s.Name.StartsWith("efcore:", StringComparison.Ordinal));
            var export = await source.ExportAsync(request);

            var customer = Assert.Single(export.Records, r => r.EntityType == "Customer");
            Assert.Equal(ann.Email, customer.Fields["Email"]);
            Assert.Equal(ann.Name, customer.Fields["Name"]);
        }

        await using var after = host.CreateContext(Configure);
        Assert.Equal(ann.Email, (await after.Customers.SingleAsync()).Email); // no actor: nothing masked, nothing changed
    }

    private static void Configure(PrivacyKit.EFCore.Infrastructure.PrivacyKitDbContextOptionsBuilder o) =>
        o.EnforceFieldAccess<Customer>("customers:read");
}
