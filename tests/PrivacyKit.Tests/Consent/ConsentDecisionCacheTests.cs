using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed class ConsentDecisionCacheTests
{
    private static ConsentDecision Decision(string purpose, DateTimeOffset? expiresAt = null) =>
        new() { PurposeId = purpose, Reason = ConsentDecisionReason.Granted, ExpiresAt = expiresAt };

    [Fact]
    public void Set_AfterInvalidateWithOldGeneration_DoesNotCacheStaleDecision()
    {
        var cache = new ConsentDecisionCache(new FakeTimeProvider(ConsentTestHost.Start), TimeSpan.FromMinutes(1), 10);
        var generation = cache.Generation("s1");   // a check starts and reads the store...
        cache.Invalidate("s1");                     // ...a change lands meanwhile...
        cache.Set("s1", generation, Decision("marketing")); // ...the check must not cache what it read.
        Assert.False(cache.TryGet("s1", "marketing", out _));

        cache.Set("s1", cache.Generation("s1"), Decision("marketing"));
        Assert.True(cache.TryGet("s1", "marketing", out var cached));
        Assert.Equal(ConsentDecisionReason.Granted, cached.Reason);
    }

    [Fact]
    public void TryGet_NeverOutlivesLifetimeOrGrantExpiry()
    {
        var time = new FakeTimeProvider(ConsentTestHost.Start);
        var cache = new ConsentDecisionCache(time, TimeSpan.FromMinutes(1), 10);
        cache.Set("s1", cache.Generation("s1"), Decision("a"));
        cache.Set("s1", cache.Generation("s1"), Decision("b", ConsentTestHost.Start.AddSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(cache.TryGet("s1", "a", out _));
        Assert.False(cache.TryGet("s1", "b", out _));
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.False(cache.TryGet("s1", "a", out _));
    }

    [Fact]
    public void Generation_BeyondMaxSubjects_StartsOver()
    {
        var cache = new ConsentDecisionCache(new FakeTimeProvider(ConsentTestHost.Start), TimeSpan.FromMinutes(1), 1);
        cache.Set("s1", cache.Generation("s1"), Decision("a"));
        cache.Set("s2", cache.Generation("s2"), Decision("a"));
        Assert.False(cache.TryGet("s1", "a", out _));
        Assert.True(cache.TryGet("s2", "a", out _));
    }

    [Fact]
    public void ZeroLifetime_CachesNothing()
    {
        var cache = new ConsentDecisionCache(new FakeTimeProvider(ConsentTestHost.Start), TimeSpan.Zero, 10);
        cache.Set("s1", cache.Generation("s1"), Decision("a"));
        Assert.False(cache.Enabled);
        Assert.False(cache.TryGet("s1", "a", out _));
    }
}
