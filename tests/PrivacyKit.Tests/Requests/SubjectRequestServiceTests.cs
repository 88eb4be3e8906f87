using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestServiceTests
{
    [Fact]
    public async Task SubmitAsync_GdprAccess_ReceivedWithDeadlineHistoryAndAudit()
    {
        using var host = new RequestTestHost();

        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        Assert.Equal(SubjectRequestStatus.Received, request.Status);
        Assert.Equal(RequestTestHost.Start, request.ReceivedAt);
        Assert.Equal(RequestTestHost.Start.AddMonths(1), request.DueAt);
        Assert.Equal(request.DueAt, request.NextDueAt);
        Assert.Null(request.ReceiptConfirmationDueAt);
        var history = Assert.Single(await host.Workflow.GetHistoryAsync(request.Id));
        Assert.Equal(SubjectRequestCommand.Submit, history.Command);
        var audit = Assert.Single(host.Audit.Events);
        Assert.Equal(AuditEventKind.RequestStatusChanged, audit.Kind);
        Assert.Equal("request.submit", audit.Action);
        Assert.Equal("cust-42", audit.SubjectId);
        Assert.Equal(request.Id, audit.ResourceId);
        Assert.Equal("user-cust-42", audit.ActorId);
    }

    [Fact]
    public async Task SubmitAsync_CcpaAccess_NextDueIsReceiptConfirmationUntilConfirmed()
    {
        using var host = new RequestTestHost();

        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(regime: PrivacyRegime.Ccpa), RequestTestHost.Subject());
        var confirmed = await host.Workflow.ConfirmReceiptAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.Zero), request.ReceiptConfirmationDueAt);
        Assert.Equal(request.ReceiptConfirmationDueAt, request.NextDueAt);
        Assert.Equal(RequestTestHost.Start, confirmed.ReceiptConfirmedAt);
        Assert.Equal(confirmed.DueAt, confirmed.NextDueAt);
        Assert.Equal(SubjectRequestStatus.Received, confirmed.Status);
    }

    [Fact]
    public async Task SubmitAsync_CcpaOptOut_NextDueIsOptOutDeadline()
    {
        using var host = new RequestTestHost();

        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(SubjectRequestKind.OptOutOfSale, PrivacyRegime.Ccpa), RequestTestHost.Subject());

        Assert.Equal(new DateTimeOffset(2025, 3, 24, 9, 0, 0, TimeSpan.Zero), request.OptOutDueAt);
        Assert.Equal(request.OptOutDueAt, request.NextDueAt);
    }

    [Fact]
    public async Task SubmitAsync_ReceivedEarlier_DeadlinesRunFromReceipt()
    {
        using var host = new RequestTestHost();
        var letterArrived = RequestTestHost.Start.AddDays(-3);

        var request = await host.Workflow.SubmitAsync(
            RequestTestHost.Submission(channel: RequestChannel.Mail) with { ReceivedAt = letterArrived }, RequestTestHost.Operator);

        Assert.Equal(letterArrived.AddMonths(1), request.DueAt);
        Assert.Equal("op-7", request.ReceivedBy);
    }

    public static TheoryData<string, SubjectRequestSubmission> BadSubmissions() => new()
    {
        { "SubjectId", RequestTestHost.Submission() with { SubjectId = " " } },
        { "Kind", RequestTestHost.Submission() with { Kind = (SubjectRequestKind)42 } },
        { "Regime", RequestTestHost.Submission() with { Regime = (PrivacyRegime)42 } },
        { "Channel", RequestTestHost.Submission() with { Channel = (RequestChannel)42 } },
        { "Corrections", RequestTestHost.Submission(SubjectRequestKind.Rectification) with { Corrections = [] } },
        { "Corrections", RequestTestHost.Submission() with { Corrections = [new FieldCorrection("Customer", "Email", "x")] } },
        { "Scope", RequestTestHost.Submission() with { Scope = [""] } },
        { "ReceivedAt", RequestTestHost.Submission() with { ReceivedAt = RequestTestHost.Start.AddMinutes(1) } },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task SubmitAsync_InvalidSubmission_ThrowsArgumentExceptionNamingProperty(string property, SubjectRequestSubmission submission)
    {
        using var host = new RequestTestHost();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Workflow.SubmitAsync(submission, RequestTestHost.Subject()));

        Assert.Contains($"SubjectRequestSubmission.{property}", ex.Message);
        Assert.Equal("submission", ex.ParamName);
        Assert.Empty(await host.Reports.GetOpenAsync());
    }

    [Fact]
    public async Task SubmitAsync_PersonalScopeEntry_ThrowsWithoutEchoingIt()
    {
        using var host = new RequestTestHost();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await host.Workflow.SubmitAsync(RequestTestHost.Submission() with { Scope = [RequestTestHost.Canary] }, RequestTestHost.Subject()));

        Assert.DoesNotContain(RequestTestHost.Canary, ex.Message);
        Assert.Empty(host.Audit.Events);
    }

    [Fact]
    public async Task SubmitAsync_NullArguments_ThrowArgumentNull()
    {
        using var host = new RequestTestHost();

        await Assert.ThrowsAsync<ArgumentNullException>("submission", async () => await host.Workflow.SubmitAsync(null!, RequestTestHost.Subject()));
        await Assert.ThrowsAsync<ArgumentNullException>("actor", async () => await host.Workflow.SubmitAsync(RequestTestHost.Submission(), null!));
    }

    [Fact]
    public async Task Workflow_VerifyExtendComplete_EveryTransitionInHistoryAndAudit()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync();

        var extended = await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "complex request across several systems");
        host.Time.Advance(TimeSpan.FromDays(40));
        var completed = await host.Workflow.CompleteAsync(request.Id, RequestTestHost.Operator, "answered by post");

        Assert.Equal(SubjectRequestStatus.Extended, extended.Status);
        Assert.Equal(RequestTestHost.Start.AddMonths(3), extended.ExtendedDueAt);
        Assert.Equal(extended.ExtendedDueAt, extended.NextDueAt);
        Assert.Equal(SubjectRequestStatus.Completed, completed.Status);
        Assert.Equal(RequestTestHost.Start.AddDays(40), completed.ClosedAt);
        Assert.Null(completed.NextDueAt);
        Assert.Equal(DefaultSubjectIdentityVerifier.AuthenticatedSubject, completed.VerificationMethod);

        var history = await host.Workflow.GetHistoryAsync(request.Id);
        Assert.Equal(
            [SubjectRequestCommand.Submit, SubjectRequestCommand.BeginVerification, SubjectRequestCommand.VerifyIdentity, SubjectRequestCommand.Extend, SubjectRequestCommand.Complete],
            history.Select(h => h.Command));
        Assert.Equal([1L, 2, 3, 4, 5], history.Select(h => h.Sequence));
        Assert.Equal("op-7", history[^1].ActorId);
        Assert.Equal("complex request across several systems", history[3].Reason);

        var audits = host.Audit.Events;
        Assert.Equal(5, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditEventKind.RequestStatusChanged, a.Kind));
        Assert.Equal("request.extend", audits[3].Action);
        Assert.Equal("InProgress", audits[3].Properties["from"]);
        Assert.Equal("Extended", audits[3].Properties["to"]);
        Assert.Equal("complex request across several systems", audits[3].Reason);
        Assert.Equal(["privacy-operator"], audits[4].ActorRoles);
    }

    [Fact]
    public async Task CompleteAsync_Received_ThrowsInvalidTransitionNamingStatusAndCommand()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.CompleteAsync(request.Id, RequestTestHost.Operator));

        Assert.Equal(SubjectRequestStatus.Received, ex.CurrentStatus);
        Assert.Equal(SubjectRequestCommand.Complete, ex.AttemptedCommand);
        Assert.Equal(request.Id, ex.RequestId);
        Assert.Contains("Complete", ex.Message);
        Assert.Contains("Received", ex.Message);
        Assert.Contains("BeginVerification", ex.Message);
        Assert.Single(host.Audit.Events);
    }

    [Fact]
    public async Task RejectAsync_Completed_ThrowsBecauseCompletedIsFinal()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync();
        await host.Workflow.CompleteAsync(request.Id, RequestTestHost.Operator);

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () =>
            await host.Workflow.RejectAsync(request.Id, RequestTestHost.Operator, new RequestRejection(RejectionGround.Excessive)));

        Assert.Equal(SubjectRequestStatus.Completed, ex.CurrentStatus);
        Assert.Contains("closed", ex.Message);
        Assert.Equal(SubjectRequestStatus.Completed, (await host.Workflow.GetAsync(request.Id)).Status);
    }

    [Fact]
    public async Task RejectAsync_LegalClaims_StoresGroundAndAuditsReason()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var rejected = await host.Workflow.RejectAsync(request.Id, RequestTestHost.Operator, new RequestRejection(RejectionGround.LegalClaims, "pending litigation, matter 2024-17"));

        Assert.Equal(SubjectRequestStatus.Rejected, rejected.Status);
        Assert.Equal(RejectionGround.LegalClaims, rejected.Rejection!.Ground);
        Assert.Equal("LegalClaims: pending litigation, matter 2024-17", host.Audit.Events[^1].Reason);
        Assert.Equal("request.reject", host.Audit.Events[^1].Action);
    }

    [Theory]
    [InlineData("ask alice@example.org")]
    [InlineData("customer cust-42 complained")]
    [InlineData("called 01711234567")]
    public async Task RejectAsync_PersonalNote_ThrowsWithoutEchoingIt(string note)
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await host.Workflow.RejectAsync(request.Id, RequestTestHost.Operator, new RequestRejection(RejectionGround.ManifestlyUnfounded, note)));

        Assert.DoesNotContain(note, ex.Message);
        Assert.Contains("must not be personal", ex.Message);
        Assert.Equal(SubjectRequestStatus.Received, (await host.Workflow.GetAsync(request.Id)).Status);
    }

    [Fact]
    public void RequestRejection_OtherWithoutNote_Throws()
    {
        Assert.Throws<ArgumentException>("note", () => new RequestRejection(RejectionGround.Other));
        Assert.Throws<ArgumentException>("note", () => new RequestRejection(RejectionGround.Excessive, new string('x', 501)));
        Assert.Throws<ArgumentOutOfRangeException>("ground", () => new RequestRejection((RejectionGround)1234));
    }

    [Fact]
    public async Task ExtendAsync_AfterTheDeadline_ThrowsInvalidTransition()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync();
        host.Time.Advance(TimeSpan.FromDays(32));

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "complex"));

        Assert.Equal(SubjectRequestCommand.Extend, ex.AttemptedCommand);
        Assert.Contains("has passed", ex.Message);
    }

    [Fact]
    public async Task ExtendAsync_Twice_SecondThrowsInvalidTransition()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync(regime: PrivacyRegime.Ccpa);
        await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "complex");

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "again"));

        Assert.Equal(SubjectRequestStatus.Extended, ex.CurrentStatus);
        Assert.Equal(RequestTestHost.Start.AddDays(90), (await host.Workflow.GetAsync(request.Id)).ExtendedDueAt);
    }

    [Fact]
    public async Task ExtendAsync_PiplWithoutExtension_ThrowsNamingTheOption()
    {
        using var host = new RequestTestHost(options: o => o.PiplExtensionDays = 0);
        var request = await host.InProgressAsync(regime: PrivacyRegime.Pipl);

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "complex"));

        Assert.Contains("PiplExtensionDays", ex.Message);
    }

    [Fact]
    public async Task ExtendAsync_EmptyReason_ThrowsArgumentException()
    {
        using var host = new RequestTestHost();
        var request = await host.InProgressAsync();

        await Assert.ThrowsAsync<ArgumentException>("reason", async () => await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, " "));
        await Assert.ThrowsAsync<ArgumentException>("reason", async () => await host.Workflow.ExtendAsync(request.Id, RequestTestHost.Operator, "mail bob@example.com"));
    }

    [Fact]
    public async Task VerifyIdentityAsync_AnotherSubject_FailsStaysAndAuditsDenied()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());
        await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Subject());

        var result = await host.Workflow.VerifyIdentityAsync(request.Id, RequestTestHost.Subject("cust-99"));

        Assert.False(result.IsVerified);
        Assert.Equal(SubjectRequestStatus.IdentityVerification, (await host.Workflow.GetAsync(request.Id)).Status);
        var denied = host.Audit.Events[^1];
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.Equal("request.verifyIdentity", denied.Action);
        Assert.Equal(result.Reason, denied.Reason);
    }

    [Fact]
    public async Task VerifyIdentityAsync_OperatorOnEmailRequest_VerifiedByOperator()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(channel: RequestChannel.Email), RequestTestHost.Operator);
        await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Operator);

        var result = await host.Workflow.VerifyIdentityAsync(request.Id, RequestTestHost.Operator);

        Assert.True(result.IsVerified);
        Assert.Equal("operator", result.Method);
        var verified = await host.Workflow.GetAsync(request.Id);
        Assert.Equal(SubjectRequestStatus.InProgress, verified.Status);
        Assert.Equal(RequestTestHost.Start, verified.VerifiedAt);
    }

    [Fact]
    public async Task VerifyIdentityAsync_OperatorOnSelfServiceRequest_Fails()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());
        await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Subject());

        var result = await host.Workflow.VerifyIdentityAsync(request.Id, RequestTestHost.Operator);

        Assert.False(result.IsVerified);
        Assert.Contains("not the request's data subject", result.Reason);
    }

    [Fact]
    public async Task VerifyIdentityAsync_Received_ThrowsInvalidTransition()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.VerifyIdentityAsync(request.Id, RequestTestHost.Subject()));

        Assert.Equal(SubjectRequestCommand.VerifyIdentity, ex.AttemptedCommand);
    }

    [Fact]
    public async Task ConfirmReceiptAsync_Twice_SecondThrows()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(regime: PrivacyRegime.Ccpa), RequestTestHost.Subject());
        await host.Workflow.ConfirmReceiptAsync(request.Id, RequestTestHost.Operator);

        var ex = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.ConfirmReceiptAsync(request.Id, RequestTestHost.Operator));

        Assert.Contains("already confirmed", ex.Message);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ThrowsNotFound()
    {
        using var host = new RequestTestHost();

        var ex = await Assert.ThrowsAsync<SubjectRequestNotFoundException>(async () => await host.Workflow.GetAsync("nope"));
        await Assert.ThrowsAsync<SubjectRequestNotFoundException>(async () => await host.Workflow.GetHistoryAsync("nope"));
        await Assert.ThrowsAsync<SubjectRequestNotFoundException>(async () => await host.Workflow.BeginVerificationAsync("nope", RequestTestHost.Operator));

        Assert.Equal("nope", ex.RequestId);
    }

    [Fact]
    public async Task Commands_EmptyId_ThrowArgumentException()
    {
        using var host = new RequestTestHost();

        await Assert.ThrowsAsync<ArgumentException>("requestId", async () => await host.Workflow.GetAsync(""));
        await Assert.ThrowsAsync<ArgumentException>("requestId", async () => await host.Workflow.CompleteAsync(" ", RequestTestHost.Operator));
        await Assert.ThrowsAsync<ArgumentNullException>("actor", async () => await host.Workflow.CompleteAsync("x", null!));
        await Assert.ThrowsAsync<ArgumentNullException>("rejection", async () => await host.Workflow.RejectAsync("x", RequestTestHost.Operator, null!));
    }

    [Fact]
    public async Task Commands_StoreAlwaysChangedMeanwhile_ThrowsConflict()
    {
        using var host = new RequestTestHost(services: s => s.AddSingleton<ISubjectRequestStore, AlwaysStaleStore>());
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());

        var ex = await Assert.ThrowsAsync<SubjectRequestConflictException>(async () => await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Operator));

        Assert.Equal(request.Id, ex.RequestId);
        Assert.Single(host.Audit.Events);
    }

    [Fact]
    public async Task Workflow_CanaryInCorrections_NeverInAuditOrExceptionsOrToString()
    {
        using var host = new RequestTestHost();
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(SubjectRequestKind.Rectification), RequestTestHost.Subject());
        await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Subject());
        await host.Workflow.VerifyIdentityAsync(request.Id, RequestTestHost.Subject("cust-1"));
        var failure = await Assert.ThrowsAsync<InvalidRequestTransitionException>(async () => await host.Workflow.CompleteAsync(request.Id, RequestTestHost.Operator));
        await host.Workflow.RejectAsync(request.Id, RequestTestHost.Operator, new RequestRejection(RejectionGround.IdentityNotVerified));

        Assert.Equal(RequestTestHost.Canary, request.Corrections[0].NewValue);
        Assert.DoesNotContain(RequestTestHost.Canary, host.AuditText());
        Assert.DoesNotContain(RequestTestHost.Canary, failure.ToString());
        Assert.DoesNotContain(RequestTestHost.Canary, request.ToString());
        Assert.DoesNotContain(RequestTestHost.Canary, request.Corrections[0].ToString());
    }

    private sealed class AlwaysStaleStore : ISubjectRequestStore
    {
        private readonly InMemorySubjectRequestStore _inner = new();

        public ValueTask AddAsync(SubjectRequest request, SubjectRequestTransition submitted, CancellationToken cancellationToken = default) => _inner.AddAsync(request, submitted, cancellationToken);

        public ValueTask<SubjectRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default) => _inner.GetAsync(requestId, cancellationToken);

        public ValueTask<bool> TryUpdateAsync(SubjectRequest request, long expectedVersion, SubjectRequestTransition transition, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

        public ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default) => _inner.GetHistoryAsync(requestId, cancellationToken);

        public ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default) => _inner.ListAsync(filter, cancellationToken);

        public ValueTask<IReadOnlyList<SourceExecutionRecord>> GetExecutionRecordsAsync(string requestId, CancellationToken cancellationToken = default) => _inner.GetExecutionRecordsAsync(requestId, cancellationToken);

        public ValueTask SaveExecutionRecordAsync(SourceExecutionRecord record, CancellationToken cancellationToken = default) => _inner.SaveExecutionRecordAsync(record, cancellationToken);

        public ValueTask<bool> TryAcquireLeaseAsync(string requestId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default) => _inner.TryAcquireLeaseAsync(requestId, owner, now, until, cancellationToken);

        public ValueTask ReleaseLeaseAsync(string requestId, string owner, CancellationToken cancellationToken = default) => _inner.ReleaseLeaseAsync(requestId, owner, cancellationToken);
    }
}
