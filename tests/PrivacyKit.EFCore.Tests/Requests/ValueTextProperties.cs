using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.EFCore.Requests;

namespace PrivacyKit.EFCore.Tests.Requests;

/// <summary>What an export writes, a correction can read back: formatting and parsing are inverse for every key and field type.</summary>
public sealed class ValueTextProperties
{
    [Property]
    public bool Int_RoundTrips(int value) => RoundTrips(value);

    [Property]
    public bool NullableLong_RoundTrips(long? value) => RoundTrips(value);

    [Property]
    public bool Decimal_RoundTrips(decimal value) => RoundTrips(value);

    [Property]
    public bool Guid_RoundTrips(Guid value) => RoundTrips(value);

    [Property]
    public bool Bool_RoundTrips(bool value) => RoundTrips(value);

    [Property]
    public bool DateTimeOffset_RoundTripsWithOffset(DateTimeOffset value) =>
        ValueText.TryParse(ValueText.Format(value), typeof(DateTimeOffset), out var parsed) && parsed is DateTimeOffset d && d == value && d.Offset == value.Offset;

    [Property]
    public Property DateOnly_RoundTrips() =>
        Prop.ForAll(Gen.Choose(1, 3_000_000).Select(DateOnly.FromDayNumber).ToArbitrary(), d => RoundTrips(d));

    [Property]
    public bool String_RoundTrips(NonNull<string> value) => RoundTrips(value.Get);

    [Property]
    public bool CompositeKey_DistinctTuplesGiveDistinctText(int a, int b, int c, int d) =>
        (a, b) == (c, d) || ValueText.Key([a, b]) != ValueText.Key([c, d]);

    [Property]
    public bool CompositeStringKey_DistinctTuplesGiveDistinctText(NonNull<string> a, NonNull<string> b, NonNull<string> c, NonNull<string> d) =>
        (a.Get, b.Get) == (c.Get, d.Get) || ValueText.Key([a.Get, b.Get]) != ValueText.Key([c.Get, d.Get]);

    [Fact]
    public void Key_PartsWithSeparators_Escaped() => Assert.Equal("a\\|b|c", ValueText.Key(["a|b", "c"]));

    [Fact]
    public void TryParse_TextNotOfTheType_False()
    {
        Assert.False(ValueText.TryParse("12x", typeof(int), out _));
        Assert.False(ValueText.TryParse("not-a-guid", typeof(Guid), out _));
        Assert.False(ValueText.TryParse(null, typeof(int), out _));
        Assert.True(ValueText.TryParse(null, typeof(int?), out var nothing));
        Assert.Null(nothing);
    }

    private static bool RoundTrips<T>(T value) =>
        ValueText.TryParse(ValueText.Format(value), typeof(T), out var parsed) && Equals(parsed, value);
}
