namespace PrivacyKit.Access;

/// <summary>An <see cref="IRoleStore"/> in process memory: for development, tests and single-instance use.</summary>
internal sealed class InMemoryRoleStore : IRoleStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RoleAssignment> _assignments = new(StringComparer.Ordinal);
    private readonly List<AccessReviewRecord> _reviews = [];

    public ValueTask<IReadOnlyList<RoleAssignment>> GetAssignmentsAsync(string actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        lock (_lock)
        {
            return new([.. _assignments.Values.Where(a => string.Equals(a.ActorId, actorId, StringComparison.Ordinal))]);
        }
    }

    public ValueTask<IReadOnlyList<RoleAssignment>> GetAllAssignmentsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return new([.. _assignments.Values]);
        }
    }

    public ValueTask<RoleAssignment?> FindAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignmentId);
        lock (_lock)
        {
            return new(_assignments.GetValueOrDefault(assignmentId));
        }
    }

    public ValueTask AddAssignmentAsync(RoleAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lock (_lock)
        {
            _assignments.Add(assignment.Id, assignment);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<RoleAssignment?> RevokeAssignmentAsync(string assignmentId, string revokedBy, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignmentId);
        lock (_lock)
        {
            if (!_assignments.TryGetValue(assignmentId, out var assignment) || assignment.RevokedAt is not null)
            {
                return new((RoleAssignment?)null);
            }

            var revoked = assignment with { RevokedAt = revokedAt, RevokedBy = revokedBy };
            _assignments[assignmentId] = revoked;
            return new(revoked);
        }
    }

    public ValueTask RecordUsageAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lastUsed);
        lock (_lock)
        {
            foreach (var (id, at) in lastUsed)
            {
                if (_assignments.TryGetValue(id, out var assignment) && (assignment.LastUsedAt is null || assignment.LastUsedAt < at))
                {
                    _assignments[id] = assignment with { LastUsedAt = at };
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AddReviewAsync(AccessReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            _reviews.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<AccessReviewRecord>> GetReviewsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return new([.. _reviews]);
        }
    }
}
