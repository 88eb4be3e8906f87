using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The core request workflow and executor running on the EF request store, across two instances.</summary>
public sealed class SubjectRequestWorkflowTests
{
    private const string Canary = "canary.quentin@example.org";

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AccessRequest_ExecutedOnOneInstance_IsAnsweredFromTheDatabaseOnAnother(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        using var kek = new PrivacyKit.Keys.InMemoryKeyEncryptionKey();
        static void AddSource(IServiceCollection services) => services.AddSingleton<IPersonalDataSource, ExportingSource>();
        await using var first = await StoreTestHost.CreateAsync(db, kek, configure: AddSource);
        await using var second = await StoreTestHost.CreateAsync(db, kek, useFactory: false, configure: AddSource);
        var subject = new PrivacyActor("user-cust-42") { SubjectId = "cust-42" };
        var workflow = first.Services.GetRequiredService<ISubjectRequestService>();

        var request = await workflow.SubmitAsync(new SubjectRequestSubmission { Kind = SubjectRequestKind.Access, Regime = PrivacyRegime.Gdpr, SubjectId = "cust-42" }, subject);
        await workflow.BeginVerificationAsync(request.Id, subject);
        await workflow.VerifyIdentityAsync(request.Id, subject);
        var outcome = await first.Services.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(request.Id, subject);
        var again = await second.Services.GetRequiredService<ISubjectRequestExecutor>().ExecuteAsync(request.Id, subject);

        Assert.Equal(SubjectRequestStatus.Completed, outcome.Request.Status);
        Assert.Contains(Canary, outcome.Package!.ToJson(), StringComparison.Ordinal);
        Assert.Equal(SubjectRequestStatus.Completed, again.Request.Status);
        Assert.Contains(Canary, again.Package!.ToJson(), StringComparison.Ordinal);
        var history = await second.Services.GetRequiredService<ISubjectRequestService>().GetHistoryAsync(request.Id);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(t => t.Sequence));
        Assert.Equal(SubjectRequestCommand.Complete, history[^1].Command);

        await using var connection = await db.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM privacykit_subject_request_executions WHERE \"Export\" LIKE '%canary%'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    private sealed class ExportingSource : IPersonalDataSource
    {
        public string Name => "crm";

        public ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<PersonalDataLocation>>([new PersonalDataLocation { EntityType = "Customer", Category = "contact", Fields = ["Email"], RecordCount = 1 }]);

        public ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new PersonalDataExport
            {
                Records = [new PersonalDataRecord { EntityType = "Customer", Category = "contact", RecordId = "42", Fields = new Dictionary<string, string?> { ["Email"] = Canary } }],
                Purposes = ["support"],
            });

        public ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);

        public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);

        public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);
    }
}
