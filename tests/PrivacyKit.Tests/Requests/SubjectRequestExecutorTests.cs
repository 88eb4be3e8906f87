using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using Microsoft.Extensions.Logging;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestExecutorTests
{
    [Fact]
    public async Task ExecuteAsync_Access_PackageHoldsEverySourceAndConsentHistory()
    {
        var crm = new FakePersonalDataSource("crm.customers", ("Customer", "contact"), ("Invoice", "financial"));
        var consent = new FakePersonalDataSource("consent", ("ConsentRecord", PersonalDataRecord.ConsentCategory));
        using var host = new RequestTestHost(sources: [crm, consent]);
        var request = await host.InProgressAsync();
        host.Time.Advance(TimeSpan.FromDays(2));

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(SubjectRequestStatus.Completed, outcome.Request.Status);
        var package = Assert.IsType<DataExportPackage>(outcome.Package);
        Assert.Null(outcome.Certificate);
        Assert.Equal(["crm.customers", "consent"], package.Sources.Select(s => s.Source));
        Assert.Equal(2, package.Records.Count);
        Assert.Equal("ConsentRecord", Assert.Single(package.ConsentHistory).EntityType);
        Assert.Equal(["consent", "contact", "financial"], package.Categories.Select(c => c.Name));
        Assert.Equal(["consent:service", "crm.customers:service"], package.Purposes);
        Assert.Equal(["payment processor"], package.Recipients);
        Assert.Equal(RequestTestHost.Start.AddDays(2), package.GeneratedAt);

        using var json = JsonDocument.Parse(package.ToJson());
        var root = json.RootElement;
        Assert.Equal(
            ["schema", "request", "generatedAt", "subject", "categories", "sources", "records", "consentHistory", "processingPurposes", "recipients"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(DataExportPackage.Schema, root.GetProperty("schema").GetString());
        Assert.Equal("cust-42", root.GetProperty("subject").GetProperty("id").GetString());
        Assert.Equal("access", root.GetProperty("request").GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("records").GetArrayLength());
        Assert.Equal(RequestTestHost.Canary, root.GetProperty("records")[0].GetProperty("fields").GetProperty("Email").GetString());
        Assert.Equal("consent", root.GetProperty("consentHistory")[0].GetProperty("source").GetString());
        Assert.Equal(["Customer.Email", "Customer.Name"], root.GetProperty("categories").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "contact").GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, root.GetProperty("processingPurposes").GetArrayLength());
        Assert.Equal("payment processor", root.GetProperty("recipients")[0].GetString());
        Assert.Equal(2, root.GetProperty("sources").GetArrayLength());

        var summary = package.ToSummary();
        Assert.Contains("# Personal data held about you", summary);
        Assert.Contains($"- Email: {RequestTestHost.Canary}", summary);
        Assert.Contains("## Your consent history", summary);
        Assert.DoesNotContain(RequestTestHost.Canary, package.ToString());

        var exported = host.Audit.Events.Where(e => e.Kind == AuditEventKind.Exported).ToList();
        Assert.Equal(["crm.customers", "consent"], exported.Select(e => e.ResourceId));
        Assert.Contains("Customer.Email", exported[0].Fields);
        Assert.DoesNotContain(RequestTestHost.Canary, host.AuditText());
    }

    [Fact]
    public async Task WriteJsonAsync_Package_WritesTheSameDocumentAsToJson()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        var request = await host.InProgressAsync(SubjectRequestKind.Portability);
        var package = (await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator)).Package!;
        using var stream = new MemoryStream();

        await package.WriteJsonAsync(stream);

        Assert.Equal(package.ToJson(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => package.WriteJsonAsync(null!));
    }

    [Fact]
    public async Task ExecuteAsync_SourceFailsMidway_ResumesAndDoesEachSourcesWorkOnce()
    {
        var a = new FakePersonalDataSource("a", ("Customer", "contact"));
        var b = new FakePersonalDataSource("b", ("Order", "financial")) { FailNextCalls = 2 };
        var c = new FakePersonalDataSource("c", ("Ticket", "freeText"));
        using var host = new RequestTestHost(sources: [a, b, c]);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var first = await Assert.ThrowsAsync<SubjectRequestExecutionException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));
        var second = await Assert.ThrowsAsync<SubjectRequestExecutionException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));
        var afterFailures = await host.Store.GetExecutionRecordsAsync(request.Id);
        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal("b", first.SourceName);
        Assert.Equal(request.Id, second.RequestId);
        Assert.IsType<InvalidOperationException>(first.InnerException);
        Assert.Equal([SourceExecutionStatus.Succeeded, SourceExecutionStatus.Failed], afterFailures.Select(r => r.Status));
        Assert.Equal(typeof(InvalidOperationException).FullName, afterFailures[1].ErrorType);
        Assert.Equal((1, 1, 1), (a.CompletedCalls, b.CompletedCalls, c.CompletedCalls));
        Assert.Equal((1, 3, 1), (a.AttemptedCalls, b.AttemptedCalls, c.AttemptedCalls));
        Assert.Equal(SubjectRequestStatus.Completed, outcome.Request.Status);
        Assert.Equal([1, 3, 1], outcome.Sources.Select(s => s.Attempts));
        Assert.Equal(["Customer", "Order", "Ticket"], outcome.Certificate!.Deleted.Select(d => d.EntityType));
        Assert.True(outcome.Certificate.IsComplete);
        Assert.Equal(2, host.Audit.Events.Count(e => e.Kind == AuditEventKind.Erased && e.Outcome == AuditOutcome.Failure));
        Assert.Equal(3, host.Audit.Events.Count(e => e.Kind == AuditEventKind.Erased && e.Outcome == AuditOutcome.Success));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledInsideSource_LeavesStartedRecordAndNextRunRedoesOnlyThatSource()
    {
        using var cancellation = new CancellationTokenSource();
        var a = new FakePersonalDataSource("a", ("Customer", "contact"));
        var b = new CancellingSource("b", cancellation);
        using var host = new RequestTestHost(sources: [a, b]);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator, cancellation.Token));
        var interrupted = await host.Store.GetExecutionRecordsAsync(request.Id);
        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal([SourceExecutionStatus.Succeeded, SourceExecutionStatus.Started], interrupted.Select(r => r.Status));
        Assert.Equal(1, a.AttemptedCalls);
        Assert.Equal(2, b.Calls);
        Assert.Equal([1, 2], outcome.Sources.Select(r => r.Attempts));
        Assert.Equal(SubjectRequestStatus.Completed, outcome.Request.Status);
    }

    [Fact]
    public async Task Workflow_AuditTrailRefuses_AuditExceptionReachesCaller()
    {
        using var host = new RequestTestHost(services: s => s.AddSingleton<IAuditTrail, RefusingAuditTrail>());

        var ex = await Assert.ThrowsAsync<AuditException>(async () => await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject()));

        Assert.Equal("pipeline full", ex.Message);
    }

    [Fact]
    public async Task ExecuteAsync_CompletedRequest_RebuildsOutcomeWithoutCallingSources()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        var request = await host.InProgressAsync();
        var first = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);
        var auditCount = host.Audit.Events.Count;

        var again = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(1, crm.AttemptedCalls);
        Assert.Equal(first.Package!.ToJson(), again.Package!.ToJson());
        Assert.Equal(auditCount, host.Audit.Events.Count);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureUnderLegalHold_RetainsHeldDataAndCertificateSaysSo()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"), ("Invoice", "financial"));
        using var host = new RequestTestHost(sources: [crm]);
        await host.Holds.PlaceAsync(new LegalHold
        {
            Id = "hold-1",
            SubjectId = "cust-42",
            Reason = "tax audit 2024",
            EntityTypes = ["Invoice"],
            PlacedAt = RequestTestHost.Start,
            PlacedBy = "op-7",
        });
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(["Customer"], Assert.Single(crm.ErasedEntityTypes));
        Assert.Contains("Invoice", crm.HeldEntityTypes);
        var certificate = Assert.IsType<ErasureCertificate>(outcome.Certificate);
        Assert.False(certificate.IsComplete);
        var retained = Assert.Single(certificate.Retained);
        Assert.Equal(("crm", "Invoice", "hold-1", "legal hold: tax audit 2024"), (retained.Source, retained.EntityType, retained.LegalHoldId, retained.Reason));
        Assert.Equal("Customer", Assert.Single(certificate.Deleted).EntityType);

        using var json = JsonDocument.Parse(certificate.ToJson());
        var root = json.RootElement;
        Assert.Equal(
            ["schema", "request", "issuedAt", "subject", "complete", "summary", "sources", "erased", "retained"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ErasureCertificate.Schema, root.GetProperty("schema").GetString());
        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.Equal("hold-1", root.GetProperty("retained")[0].GetProperty("legalHoldId").GetString());
        Assert.Equal("deleted", root.GetProperty("erased")[0].GetProperty("action").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("retainedRecords").GetInt32());
        Assert.Contains("legal hold: tax audit 2024", certificate.ToSummary());
        Assert.Contains("Some data was retained", certificate.ToSummary());
        Assert.Equal("1 entity types retained", host.Audit.Events.Single(e => e.Kind == AuditEventKind.Erased).Reason);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureWithHoldOnEverything_NeverCallsErase()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        await host.Holds.PlaceAsync(new LegalHold { Id = "h", SubjectId = "cust-42", Reason = "litigation", PlacedAt = RequestTestHost.Start, PlacedBy = "op-7" });
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Empty(crm.ErasedEntityTypes);
        Assert.Equal("Customer", Assert.Single(outcome.Certificate!.Retained).EntityType);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureAfterHoldReleased_ErasesEverything()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        await host.Holds.PlaceAsync(new LegalHold { Id = "h", SubjectId = "cust-42", Reason = "litigation", PlacedAt = RequestTestHost.Start, PlacedBy = "op-7" });
        await host.Holds.ReleaseAsync("h", RequestTestHost.Start);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.True(outcome.Certificate!.IsComplete);
        Assert.Empty(crm.HeldEntityTypes);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureWithoutLegalHoldStore_ThrowsInvalidOperationAndErasesNothing()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(legalHolds: false, sources: [crm]);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));

        Assert.Contains("ILegalHoldStore", ex.Message);
        Assert.Equal(0, crm.AttemptedCalls);
        Assert.Equal(SubjectRequestStatus.InProgress, (await host.Workflow.GetAsync(request.Id)).Status);
    }

    [Fact]
    public async Task ExecuteAsync_NotVerified_ThrowsInvalidTransition()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));

        Assert.Equal((SubjectRequestStatus.Received, SubjectRequestCommand.Execute), (ex.CurrentStatus, ex.AttemptedCommand));
        Assert.Equal(0, crm.AttemptedCalls);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownOrEmptyId_Throws()
    {
        using var host = new RequestTestHost();

        await Assert.ThrowsAsync<SubjectRequestNotFoundException>(async () => await host.Executor.ExecuteAsync("missing", RequestTestHost.Operator));
        await Assert.ThrowsAsync<ArgumentException>("requestId", async () => await host.Executor.ExecuteAsync("", RequestTestHost.Operator));
        await Assert.ThrowsAsync<ArgumentNullException>("actor", async () => await host.Executor.ExecuteAsync("x", null!));
    }

    [Fact]
    public async Task ExecuteAsync_LeaseHeldByAnotherInstance_ThrowsConflictUntilItExpires()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        var request = await host.InProgressAsync();
        Assert.True(await host.Store.TryAcquireLeaseAsync(request.Id, "other-instance", host.Time.GetUtcNow(), host.Time.GetUtcNow().AddMinutes(10)));

        var ex = await Assert.ThrowsAsync<SubjectRequestConflictException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));
        host.Time.Advance(TimeSpan.FromMinutes(11));
        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Contains("ExecutionLeaseDuration", ex.Message);
        Assert.Equal(SubjectRequestStatus.Completed, outcome.Request.Status);
        Assert.Equal(1, crm.AttemptedCalls);
    }

    [Fact]
    public async Task ExecuteAsync_TwoSourcesWithOneName_ThrowsInvalidOperation()
    {
        using var host = new RequestTestHost(sources: [new FakePersonalDataSource("crm"), new FakePersonalDataSource("crm")]);
        var request = await host.InProgressAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));

        Assert.Contains("'crm'", ex.Message);
    }

    [Fact]
    public async Task ExecuteAsync_Rectification_PassesCorrectionsAndRecordsRectifiedFields()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        var tickets = new FakePersonalDataSource("tickets", ("Ticket", "freeText"));
        using var host = new RequestTestHost(sources: [crm, tickets]);
        var request = await host.InProgressAsync(SubjectRequestKind.Rectification);

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(RequestTestHost.Canary, Assert.Single(Assert.Single(crm.Corrections)).NewValue);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(("crm", "Customer", PersonalDataAction.Rectified), (change.Source, change.EntityType, change.Action));
        Assert.Equal(["Email"], change.Fields);
        Assert.Null(outcome.Package);
        Assert.Contains(host.Audit.Events, e => e.Kind == AuditEventKind.Updated && e.Fields.Contains("Customer.Email"));
        Assert.DoesNotContain(RequestTestHost.Canary, host.AuditText());
    }

    [Theory]
    [InlineData(SubjectRequestKind.Restriction)]
    [InlineData(SubjectRequestKind.Objection)]
    [InlineData(SubjectRequestKind.OptOutOfSale)]
    public async Task ExecuteAsync_RestrictingKinds_CallRestrictWithKindAndScope(SubjectRequestKind kind)
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"));
        using var host = new RequestTestHost(sources: [crm]);
        var submitted = await host.Workflow.SubmitAsync(RequestTestHost.Submission(kind) with { Scope = ["marketing"] }, RequestTestHost.Subject());
        await host.Workflow.BeginVerificationAsync(submitted.Id, RequestTestHost.Subject());
        await host.Workflow.VerifyIdentityAsync(submitted.Id, RequestTestHost.Subject());

        var outcome = await host.Executor.ExecuteAsync(submitted.Id, RequestTestHost.Operator);

        var context = Assert.Single(crm.Contexts);
        Assert.Equal((kind, submitted.Id, "cust-42"), (context.Kind, context.RequestId, context.SubjectId));
        Assert.Equal(["marketing"], context.Scope);
        Assert.Equal(PersonalDataAction.Restricted, Assert.Single(outcome.Changes).Action);
    }

    [Fact]
    public async Task ExecuteAsync_SourceErrorWithCanary_NeverInMessageLogsOrAudit()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact")) { FailNextCalls = 1, FailureMessage = $"duplicate key {RequestTestHost.Canary}" };
        var logs = new CapturingLoggerProvider();
        using var host = new RequestTestHost(services: s => s.AddLogging(l => l.AddProvider(logs)), sources: [crm]);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var ex = await Assert.ThrowsAsync<SubjectRequestExecutionException>(async () => await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator));

        Assert.DoesNotContain(RequestTestHost.Canary, ex.Message);
        Assert.Contains("'crm'", ex.Message);
        Assert.Contains("execute the request again", ex.Message);
        Assert.DoesNotContain(RequestTestHost.Canary, host.AuditText());
        Assert.DoesNotContain(RequestTestHost.Canary, string.Join('\n', logs.Messages));
        Assert.Contains(logs.Messages, m => m.Contains("crm", StringComparison.Ordinal) && m.Contains("InvalidOperationException", StringComparison.Ordinal));
        var record = Assert.Single(await host.Store.GetExecutionRecordsAsync(request.Id));
        Assert.DoesNotContain(RequestTestHost.Canary, record.ErrorType);
    }

    [Fact]
    public async Task AddPersonalDataSource_ScopedSource_ResolvedPerExecution()
    {
        using var host = new RequestTestHost(services: s => s.AddPrivacyKit().AddPersonalDataSource<ScopedSource>().AddPersonalDataSource<ScopedSource>());
        var request = await host.InProgressAsync();

        var outcome = await host.Executor.ExecuteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal("scoped", Assert.Single(outcome.Package!.Sources).Source);
    }

    private sealed class ScopedSource() : DelegatingPersonalDataSource(new FakePersonalDataSource("scoped", ("Customer", "contact")));

    private sealed class RefusingAuditTrail : IAuditTrail
    {
        public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => throw new AuditException("pipeline full");
    }

    /// <summary>Cancels the execution from inside its first call, as a shutdown would; succeeds afterwards.</summary>
    private sealed class CancellingSource(string name, CancellationTokenSource cancellation)
        : DelegatingPersonalDataSource(new FakePersonalDataSource(name, ("Order", "financial")))
    {
        public int Calls { get; private set; }

        public override ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
        {
            if (++Calls == 1)
            {
                cancellation.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return base.FindAsync(context, cancellationToken);
        }
    }
}
