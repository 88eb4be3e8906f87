using System.Collections.Concurrent;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Keys;

/// <summary>
/// A key-encryption key for tests: an <see cref="InMemoryKeyEncryptionKey"/> that counts calls, tracks how
/// many unwraps of the same wrapped key run at once, can be slowed down and can be made to fail.
/// </summary>
public sealed class TestKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _unwraps;
    private int _wraps;
    private int _maxInFlightPerKey;

    public InMemoryKeyEncryptionKey Inner { get; } = new();

    public string KeyId => Inner.KeyId;

    public int Unwraps => Volatile.Read(ref _unwraps);

    public int Wraps => Volatile.Read(ref _wraps);

    public int MaxInFlightPerKey => Volatile.Read(ref _maxInFlightPerKey);

    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets the exception thrown by the next calls (until set back to null).</summary>
    public Exception? Failure { get; set; }

    public async ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _wraps);
        if (Failure is { } failure)
        {
            throw failure;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return await Inner.WrapKeyAsync(dataKey, cancellationToken);
    }

    public async ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _unwraps);
        if (Failure is { } failure)
        {
            throw failure;
        }

        var id = Convert.ToBase64String(wrappedKey.Ciphertext.Span);
        var running = _inFlight.AddOrUpdate(id, 1, (_, n) => n + 1);
        try
        {
            var max = Volatile.Read(ref _maxInFlightPerKey);
            while (running > max && Interlocked.CompareExchange(ref _maxInFlightPerKey, running, max) != max)
            {
                max = Volatile.Read(ref _maxInFlightPerKey);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            return await Inner.UnwrapKeyAsync(wrappedKey, cancellationToken);
        }
        finally
        {
            _inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
        }
    }

    public void Dispose() => Inner.Dispose();
}
