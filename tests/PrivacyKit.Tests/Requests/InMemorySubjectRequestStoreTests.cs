using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class InMemorySubjectRequestStoreTests
{
    private static readonly DateTimeOffset Now = RequestTestHost.Start;

    private static SubjectRequest Request(string id = "r1") => new()
    {
        Id = id,
        Kind = SubjectRequestKind.Access,
        Regime = PrivacyRegime.Gdpr,
        SubjectId = "cust-42",
        Channel = RequestChannel.SelfService,
        ReceivedAt = Now,
        ReceivedBy = "u",
        Status = SubjectRequestStatus.Received,
        DueAt = Now.AddMonths(1),
        Version = 1,
    };

    private static SubjectRequestTransition Transition(long sequence, string id = "r1") => new()
    {
        RequestId = id,
        Sequence = sequence,
        Command = SubjectRequestCommand.Submit,
        From = SubjectRequestStatus.Received,
        To = SubjectRequestStatus.Received,
        At = Now,
        ActorId = "u",
    };

    [Fact]
    public async Task AddAsync_DuplicateId_ThrowsInvalidOperation()
    {
        var store = new InMemorySubjectRequestStore();
        await store.AddAsync(Request(), Transition(1));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AddAsync(Request(), Transition(1)));

        Assert.Contains("'r1'", ex.Message);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleVersion_ReturnsFalseAndKeepsHistory()
    {
        var store = new InMemorySubjectRequestStore();
        await store.AddAsync(Request(), Transition(1));
        var next = Request() with { Version = 2, Status = SubjectRequestStatus.IdentityVerification };

        var first = await store.TryUpdateAsync(next, 1, Transition(2));
        var stale = await store.TryUpdateAsync(next with { Version = 2, Status = SubjectRequestStatus.Rejected }, 1, Transition(2));
        var missing = await store.TryUpdateAsync(Request("nope") with { Version = 2 }, 1, Transition(2, "nope"));

        Assert.True(first);
        Assert.False(stale);
        Assert.False(missing);
        Assert.Equal(SubjectRequestStatus.IdentityVerification, (await store.GetAsync("r1"))!.Status);
        Assert.Equal(2, (await store.GetHistoryAsync("r1")).Count);
    }

    [Fact]
    public async Task SaveExecutionRecordAsync_SameSource_ReplacesRecord()
    {
        var store = new InMemorySubjectRequestStore();
        await store.AddAsync(Request(), Transition(1));
        var record = new SourceExecutionRecord { RequestId = "r1", SourceName = "crm", Status = SourceExecutionStatus.Started, Attempts = 1 };

        await store.SaveExecutionRecordAsync(record);
        await store.SaveExecutionRecordAsync(record with { Status = SourceExecutionStatus.Succeeded });

        Assert.Equal(SourceExecutionStatus.Succeeded, Assert.Single(await store.GetExecutionRecordsAsync("r1")).Status);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SaveExecutionRecordAsync(record with { RequestId = "nope" }));
        Assert.Contains("'crm'", ex.Message);
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_HeldByOther_RefusedUntilExpiryOrRelease()
    {
        var store = new InMemorySubjectRequestStore();
        await store.AddAsync(Request(), Transition(1));

        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now, Now.AddMinutes(5)));
        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(1), Now.AddMinutes(6)));
        Assert.False(await store.TryAcquireLeaseAsync("r1", "b", Now.AddMinutes(5), Now.AddMinutes(10)));
        Assert.True(await store.TryAcquireLeaseAsync("r1", "b", Now.AddMinutes(6), Now.AddMinutes(10)));
        await store.ReleaseLeaseAsync("r1", "a");
        Assert.False(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(7), Now.AddMinutes(10)));
        await store.ReleaseLeaseAsync("r1", "b");
        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(7), Now.AddMinutes(10)));
        Assert.False(await store.TryAcquireLeaseAsync("nope", "a", Now, Now.AddMinutes(1)));
    }

    [Fact]
    public async Task ListAsync_Filters_CombineWithAnd()
    {
        var store = new InMemorySubjectRequestStore();
        await store.AddAsync(Request("r1") with { NextDueAt = Now.AddDays(5) }, Transition(1, "r1"));
        await store.AddAsync(Request("r2") with { SubjectId = "cust-7", Kind = SubjectRequestKind.Erasure, ReceivedAt = Now.AddDays(1), NextDueAt = Now.AddDays(20) }, Transition(1, "r2"));
        await store.AddAsync(Request("r3") with { Status = SubjectRequestStatus.Completed, ReceivedAt = Now.AddDays(2), TenantId = "t1" }, Transition(1, "r3"));

        Assert.Equal(["r1", "r2"], (await store.ListAsync(new SubjectRequestFilter { OpenOnly = true })).Select(r => r.Id));
        Assert.Equal(["r1"], (await store.ListAsync(new SubjectRequestFilter { NextDueBefore = Now.AddDays(10) })).Select(r => r.Id));
        Assert.Equal(["r2", "r3"], (await store.ListAsync(new SubjectRequestFilter { ReceivedSince = Now.AddDays(1) })).Select(r => r.Id));
        Assert.Equal(["r2"], (await store.ListAsync(new SubjectRequestFilter { SubjectId = "cust-7", Kind = SubjectRequestKind.Erasure })).Select(r => r.Id));
        Assert.Equal(["r3"], (await store.ListAsync(new SubjectRequestFilter { TenantId = "t1" })).Select(r => r.Id));
    }
}
