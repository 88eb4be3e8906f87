using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Sends checkpoints of the chain written inside application transactions to the application's
/// <see cref="IAuditCheckpointSink"/>s, after the commit, whenever a commit crosses a multiple of
/// <see cref="AuditOptions.CheckpointInterval"/>: with them the verifier detects records cut from the chain's end.
/// Calls to the sinks are serialised, as the pipeline's are; a failing sink is logged and never fails the commit.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never used, so it holds nothing to dispose; it lives as long as the application.")]
internal sealed class TransactionChainCheckpoints(
    IEnumerable<IAuditCheckpointSink> sinks, IOptions<AuditOptions> options, TimeProvider time, ILogger logger)
{
    private readonly IAuditCheckpointSink[] _sinks = [.. sinks];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AfterCommitAsync(long first, AuditCheckpoint head, CancellationToken cancellationToken)
    {
        var interval = Math.Max(1, options.Value.CheckpointInterval);
        if (_sinks.Length == 0 || head.Sequence / interval == (first - 1) / interval)
        {
            return;
        }

        var checkpoint = head with { Timestamp = time.GetUtcNow() };
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.WriteCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A checkpoint store failing must not fail a committed save; it is logged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    EFAuditLog.CheckpointFailed(logger, ex, sink.GetType().Name, checkpoint.InstanceId, checkpoint.Sequence);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
