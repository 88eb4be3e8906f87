using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Requests;

/// <summary>The EF Core source driven by the core's request workflow and executor, as an application runs it.</summary>
public sealed class SubjectRequestExecutionTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExecuteAsync_ErasureWithHoldOnNotes_CertificateRetainsNotesAndNoPlaintextOfTheRestIsLeft(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await host.PlaceHoldAsync(alice, "Note");
        var requestId = await InProgressAsync(host, alice, SubjectRequestKind.Erasure);

        var outcome = await host.Provider.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(requestId, Subject(alice));

        var certificate = outcome.Certificate!;
        Assert.False(certificate.IsComplete);
        var retained = Assert.Single(certificate.Retained);
        Assert.Equal(("crm.database", "Note", 3), (retained.Source, retained.EntityType, retained.RecordCount));
        Assert.Equal(["Activity", "Attachment", "Deal"], certificate.Deleted.Select(c => c.EntityType).Order());
        Assert.Equal("Customer", Assert.Single(certificate.Anonymised).EntityType);
        var json = certificate.ToJson();
        Assert.DoesNotContain(CrmHost.CanariesOf("alice"), c => json.Contains(c, StringComparison.Ordinal));
        var stored = await host.AllStoredValuesAsync();
        Assert.Equal(["note1-alice", "note2-alice", "note3-alice"], CrmHost.CanariesOf("alice").Where(stored.Contains).Order());
        Assert.All(CrmHost.CanariesOf("bob"), c => Assert.Contains(c, stored));
        var audit = await host.AuditEventsAsync();
        Assert.Contains(audit, e => e[0] == "request.execute.erasure" && e[3] == "crm.database");
        Assert.DoesNotContain(audit.SelectMany(e => e), v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExecuteAsync_Access_PackageHoldsTheSubjectsRecordsAndPurposes(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        var requestId = await InProgressAsync(host, alice, SubjectRequestKind.Access);

        var outcome = await host.Provider.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(requestId, Subject(alice));

        var json = outcome.Package!.ToJson();
        Assert.Contains("\"crm.database\"", json, StringComparison.Ordinal);
        Assert.Contains("alice@example.org", json, StringComparison.Ordinal);
        Assert.Contains("note3-alice", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", json, StringComparison.Ordinal);
        Assert.DoesNotContain(CrmContext.EmailIndex, json, StringComparison.Ordinal);
        Assert.Contains("payment processor", json, StringComparison.Ordinal);
    }

    private static PrivacyActor Subject(Customer customer) => new("user-" + customer.Id.ToString("N")) { SubjectId = customer.Id.ToString("D") };

    private static async Task<string> InProgressAsync(CrmHost host, Customer customer, SubjectRequestKind kind)
    {
        var workflow = host.Provider.GetRequiredService<ISubjectRequestService>();
        var request = await workflow.SubmitAsync(
            new SubjectRequestSubmission { Kind = kind, Regime = PrivacyRegime.Gdpr, SubjectId = customer.Id.ToString("D") }, Subject(customer));
        await workflow.BeginVerificationAsync(request.Id, Subject(customer));
        Assert.True((await workflow.VerifyIdentityAsync(request.Id, Subject(customer))).IsVerified);
        return request.Id;
    }
}
