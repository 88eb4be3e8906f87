using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Keys;

public sealed class DataKeyRecordTests
{
    private static readonly WrappedKey Wrapped = new("kek:1", "A256GCM", new byte[] { 1 });

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new DataKeyRecord("", "00000000000000aa", 1, Wrapped, default));
        Assert.Throws<ArgumentException>(() => new DataKeyRecord("s", "not-hex", 1, Wrapped, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataKeyRecord("s", "00000000000000aa", 0, Wrapped, default));
        Assert.Throws<ArgumentNullException>(() => new DataKeyRecord("s", "00000000000000aa", 1, null!, default));
    }

    [Fact]
    public void ToShredded_DropsTheWrappedKeyAndKeepsIdentity()
    {
        var record = new DataKeyRecord("s", "00000000000000AA", 3, Wrapped, default);
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

        var tombstone = record.ToShredded(at);

        Assert.Equal("00000000000000aa", tombstone.KeyId);
        Assert.Equal(new DataKeyReference("00000000000000aa", 3), tombstone.Reference);
        Assert.Null(tombstone.WrappedKey);
        Assert.Equal("kek:1", tombstone.KeyEncryptionKeyId);
        Assert.Equal(at, tombstone.ShreddedAt);
        Assert.Same(tombstone, tombstone.ToShredded(at.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => tombstone.WithWrappedKey(Wrapped));
    }
}
