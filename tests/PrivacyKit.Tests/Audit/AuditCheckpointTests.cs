using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditCheckpointTests
{
    [Fact]
    public void Parse_FormattedCheckpoint_RoundTrips()
    {
        var checkpoint = new AuditCheckpoint("node-1", 42, new string('c', 64), new DateTimeOffset(2026, 3, 1, 9, 30, 0, 123, TimeSpan.Zero));
        Assert.Equal(checkpoint, AuditCheckpoint.Parse(checkpoint.Format()));
        Assert.Equal("node-1 42 " + new string('c', 64) + " 2026-03-01T09:30:00.1230000Z", checkpoint.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("node-1 x cccc 2026-03-01T09:30:00Z")]
    [InlineData("node-1 42 short 2026-03-01T09:30:00Z")]
    [InlineData("node-1 42")]
    public void Parse_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => AuditCheckpoint.Parse(text));

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException() => Assert.Throws<ArgumentNullException>(() => AuditCheckpoint.Parse(null!));
}
