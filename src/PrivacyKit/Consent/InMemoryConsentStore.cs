using System.Collections.Concurrent;

namespace PrivacyKit.Consent;

/// <summary>Keeps consent history in memory, for development, tests and single-instance use.</summary>
internal sealed class InMemoryConsentStore : IConsentStore, IConsentHistoryEraser
{
    private readonly ConcurrentDictionary<string, List<ConsentRecord>> _bySubject = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_ids.TryAdd(record.Id, 0))
        {
            throw Internal.Error.ConsentRecordExists(record.Id);
        }

        var history = _bySubject.GetOrAdd(record.SubjectId, static _ => []);
        lock (history)
        {
            history.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_bySubject.TryGetValue(subjectId, out var history))
        {
            return ValueTask.FromResult<IReadOnlyList<ConsentRecord>>([]);
        }

        lock (history)
        {
            return ValueTask.FromResult<IReadOnlyList<ConsentRecord>>([.. history]);
        }
    }

    public ValueTask<int> RemoveHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_bySubject.TryRemove(subjectId, out var history))
        {
            return ValueTask.FromResult(0);
        }

        lock (history)
        {
            foreach (var record in history)
            {
                _ids.TryRemove(record.Id, out _);
            }

            return ValueTask.FromResult(history.Count);
        }
    }
}
