using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditQueryTests
{
    private static readonly AuditRecord Record = TestChain.Build(1)[0];

    [Fact]
    public void Matches_All_MatchesAnyRecord() => Assert.True(AuditQuery.All.Matches(Record));

    [Fact]
    public void Matches_EachCriterion_FiltersOnItsField()
    {
        var e = Record.Event;
        Assert.True(new AuditQuery { SubjectId = e.SubjectId, ActorId = e.ActorId, InstanceId = Record.InstanceId }.Matches(Record));
        Assert.False(new AuditQuery { SubjectId = "other" }.Matches(Record));
        Assert.False(new AuditQuery { ActorId = "other" }.Matches(Record));
        Assert.False(new AuditQuery { InstanceId = "other" }.Matches(Record));
        Assert.True(new AuditQuery { From = e.Timestamp, To = e.Timestamp.AddTicks(1) }.Matches(Record));
        Assert.False(new AuditQuery { To = e.Timestamp }.Matches(Record));
        Assert.False(new AuditQuery { From = e.Timestamp.AddTicks(1) }.Matches(Record));
    }

    [Fact]
    public void Matches_Null_ThrowsArgumentNullException() => Assert.Throws<ArgumentNullException>(() => AuditQuery.All.Matches(null!));
}
