using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestReportsTests
{
    [Fact]
    public async Task Queries_OpenDueSoonAndOverdue_FollowTheClock()
    {
        using var host = new RequestTestHost();
        var gdpr = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());          // due 3 Apr
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var ccpa = await host.Workflow.SubmitAsync(RequestTestHost.Submission(regime: PrivacyRegime.Ccpa), RequestTestHost.Subject()); // confirm by 17 Mar
        var closed = await host.InProgressAsync();
        await host.Workflow.CompleteAsync(closed.Id, RequestTestHost.Operator);

        host.Time.Advance(TimeSpan.FromDays(10)); // 13 Mar
        var open = await host.Reports.GetOpenAsync();
        var dueSoon = await host.Reports.GetDueSoonAsync();
        var overdueEarly = await host.Reports.GetOverdueAsync();
        host.Time.Advance(TimeSpan.FromDays(5)); // 18 Mar: CCPA confirmation missed
        var overdue = await host.Reports.GetOverdueAsync();
        var dueWithinMonth = await host.Reports.GetDueSoonAsync(TimeSpan.FromDays(30));

        Assert.Equal([gdpr.Id, ccpa.Id], open.Select(r => r.Id));
        Assert.Equal([ccpa.Id], dueSoon.Select(r => r.Id));
        Assert.Empty(overdueEarly);
        Assert.Equal([ccpa.Id], overdue.Select(r => r.Id));
        Assert.Equal([gdpr.Id], dueWithinMonth.Select(r => r.Id));
    }

    [Fact]
    public async Task ListAsync_BySubject_ReturnsOnlyThatSubjectsRequests()
    {
        using var host = new RequestTestHost();
        var mine = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());
        await host.Workflow.SubmitAsync(RequestTestHost.Submission(subjectId: "cust-7"), RequestTestHost.Subject("cust-7"));

        var list = await host.Reports.ListAsync(new SubjectRequestFilter { SubjectId = "cust-42" });

        Assert.Equal(mine.Id, Assert.Single(list).Id);
        await Assert.ThrowsAsync<ArgumentNullException>("filter", async () => await host.Reports.ListAsync(null!));
    }

    [Fact]
    public async Task GetDueSoonAsync_NonPositiveWindow_ThrowsArgumentOutOfRange()
    {
        using var host = new RequestTestHost();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("window", async () => await host.Reports.GetDueSoonAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task GetMetricsAsync_MixedRequests_CountsByKindMedianAndOverdue()
    {
        using var host = new RequestTestHost();
        var a = await host.InProgressAsync();
        var b = await host.InProgressAsync(SubjectRequestKind.Erasure);
        var c = await host.InProgressAsync(SubjectRequestKind.Erasure);
        await host.Workflow.SubmitAsync(RequestTestHost.Submission(SubjectRequestKind.OptOutOfSale, PrivacyRegime.Ccpa), RequestTestHost.Subject());
        await host.Workflow.ExtendAsync(c.Id, RequestTestHost.Operator, "complex");
        host.Time.Advance(TimeSpan.FromDays(2));
        await host.Workflow.CompleteAsync(a.Id, RequestTestHost.Operator);
        host.Time.Advance(TimeSpan.FromDays(4));
        await host.Workflow.RejectAsync(b.Id, RequestTestHost.Operator, new RequestRejection(RejectionGround.LegalObligation));
        host.Time.Advance(TimeSpan.FromDays(30));

        var metrics = await host.Reports.GetMetricsAsync();
        var none = await host.Reports.GetMetricsAsync(since: host.Time.GetUtcNow());

        Assert.Equal(4, metrics.Total);
        Assert.Equal(1, metrics.CountsByKind[SubjectRequestKind.Access]);
        Assert.Equal(2, metrics.CountsByKind[SubjectRequestKind.Erasure]);
        Assert.Equal(1, metrics.CountsByKind[SubjectRequestKind.OptOutOfSale]);
        Assert.False(metrics.CountsByKind.ContainsKey(SubjectRequestKind.Portability));
        Assert.Equal((2, 1, 1, 1), (metrics.Open, metrics.Completed, metrics.Rejected, metrics.Extended));
        Assert.Equal(1, metrics.Overdue); // the opt-out, 36 days after receipt; the extended erasure runs to 3 June
        Assert.Equal(0, metrics.ClosedLate);
        Assert.Equal(TimeSpan.FromDays(4), metrics.MedianTimeToClose);
        Assert.Equal(0, none.Total);
        Assert.Null(none.MedianTimeToClose);
    }
}
