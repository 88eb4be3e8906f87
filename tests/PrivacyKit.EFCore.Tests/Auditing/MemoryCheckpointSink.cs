using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Tests.Auditing;

/// <summary>Keeps checkpoints in memory and counts concurrent calls (the sinks are never called concurrently).</summary>
internal sealed class MemoryCheckpointSink : IAuditCheckpointSink
{
    private readonly List<AuditCheckpoint> _items = [];
    private int _inside;

    public int ConcurrentCalls { get; private set; }

    public IReadOnlyList<AuditCheckpoint> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public async ValueTask WriteCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _inside) > 1)
        {
            ConcurrentCalls++;
        }

        await Task.Yield();
        lock (_items)
        {
            _items.Add(checkpoint);
        }

        Interlocked.Decrement(ref _inside);
    }
}
