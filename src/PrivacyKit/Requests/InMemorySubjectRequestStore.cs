using PrivacyKit.Internal;

namespace PrivacyKit.Requests;

/// <summary>Keeps requests in process memory: for tests and single-node development. Lost on restart.</summary>
internal sealed class InMemorySubjectRequestStore : ISubjectRequestStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ValueTask AddAsync(SubjectRequest request, SubjectRequestTransition submitted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submitted);
        lock (_gate)
        {
            if (!_entries.TryAdd(request.Id, new Entry(request, submitted)))
            {
                throw Error.DuplicateRequestId(request.Id);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<SubjectRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.TryGetValue(requestId, out var entry) ? entry.Request : null);
        }
    }

    public ValueTask<bool> TryUpdateAsync(SubjectRequest request, long expectedVersion, SubjectRequestTransition transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transition);
        lock (_gate)
        {
            if (!_entries.TryGetValue(request.Id, out var entry) || entry.Request.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            entry.Request = request;
            entry.History.Add(transition);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            IReadOnlyList<SubjectRequestTransition> history = _entries.TryGetValue(requestId, out var entry) ? [.. entry.History] : [];
            return ValueTask.FromResult(history);
        }
    }

    public ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            IReadOnlyList<SubjectRequest> list =
            [
                .. _entries.Values.Select(e => e.Request)
                    .Where(r => !filter.OpenOnly || r.IsOpen)
                    .Where(r => filter.NextDueBefore is not { } before || (r.NextDueAt is { } due && due < before))
                    .Where(r => filter.ReceivedSince is not { } since || r.ReceivedAt >= since)
                    .Where(r => filter.SubjectId is null || string.Equals(r.SubjectId, filter.SubjectId, StringComparison.Ordinal))
                    .Where(r => filter.Kind is null || r.Kind == filter.Kind)
                    .Where(r => filter.TenantId is null || string.Equals(r.TenantId, filter.TenantId, StringComparison.Ordinal))
                    .OrderBy(r => r.ReceivedAt)
                    .ThenBy(r => r.Id, StringComparer.Ordinal),
            ];
            return ValueTask.FromResult(list);
        }
    }

    public ValueTask<IReadOnlyList<SourceExecutionRecord>> GetExecutionRecordsAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        lock (_gate)
        {
            IReadOnlyList<SourceExecutionRecord> records = _entries.TryGetValue(requestId, out var entry) ? [.. entry.Records] : [];
            return ValueTask.FromResult(records);
        }
    }

    public ValueTask SaveExecutionRecordAsync(SourceExecutionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_entries.TryGetValue(record.RequestId, out var entry))
            {
                throw Error.ExecutionRecordWithoutRequest(record.RequestId, record.SourceName);
            }

            var index = entry.Records.FindIndex(r => string.Equals(r.SourceName, record.SourceName, StringComparison.Ordinal));
            if (index < 0)
            {
                entry.Records.Add(record);
            }
            else
            {
                entry.Records[index] = record;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryAcquireLeaseAsync(string requestId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            if (!_entries.TryGetValue(requestId, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            if (entry.LeaseOwner is not null && entry.LeaseUntil > now && !string.Equals(entry.LeaseOwner, owner, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            entry.LeaseOwner = owner;
            entry.LeaseUntil = until;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ReleaseLeaseAsync(string requestId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            if (_entries.TryGetValue(requestId, out var entry) && string.Equals(entry.LeaseOwner, owner, StringComparison.Ordinal))
            {
                entry.LeaseOwner = null;
                entry.LeaseUntil = default;
            }
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Entry(SubjectRequest request, SubjectRequestTransition submitted)
    {
        public SubjectRequest Request { get; set; } = request;

        public List<SubjectRequestTransition> History { get; } = [submitted];

        public List<SourceExecutionRecord> Records { get; } = [];

        public string? LeaseOwner { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }
    }
}
