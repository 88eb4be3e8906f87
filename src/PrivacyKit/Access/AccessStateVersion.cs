namespace PrivacyKit.Access;

/// <summary>A counter bumped after every grant or revocation, so cached decisions made before it are dropped.</summary>
internal sealed class AccessStateVersion
{
    private long _value;

    public long Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
