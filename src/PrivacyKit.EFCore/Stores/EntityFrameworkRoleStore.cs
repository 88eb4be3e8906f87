using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Keeps role assignments, their last use and the recertifications in the application's database, with the semantics
/// of the core's in-memory store. An assignment is inserted once (its id is the primary key) and never deleted;
/// revocation is one conditional UPDATE (only while not revoked), so two instances revoking the same assignment see
/// exactly one revocation recorded; last use is one conditional UPDATE per assignment that only moves the time forward.
/// Recertifications are only inserted; a database-generated sequence keeps their append order.
/// </summary>
internal sealed class EntityFrameworkRoleStore<TContext>(StoreContextFactory<TContext> contexts) : IRoleStore
    where TContext : DbContext
{
    public async ValueTask<IReadOnlyList<RoleAssignment>> GetAssignmentsAsync(string actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<RoleAssignmentRow>().AsNoTracking()
            .Where(r => r.ActorId == actorId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToAssignments(rows);
    }

    public async ValueTask<IReadOnlyList<RoleAssignment>> GetAllAssignmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<RoleAssignmentRow>().AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToAssignments(rows);
    }

    public async ValueTask<RoleAssignment?> FindAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignmentId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(lease.Context, assignmentId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask AddAssignmentAsync(RoleAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var row = new RoleAssignmentRow
        {
            Id = assignment.Id,
            ActorId = assignment.ActorId,
            Role = assignment.Role,
            GrantedBy = assignment.GrantedBy,
            GrantedAt = assignment.GrantedAt,
            StartsAt = assignment.StartsAt,
            ExpiresAt = assignment.ExpiresAt,
            RevokedAt = assignment.RevokedAt,
            RevokedBy = assignment.RevokedBy,
            LastUsedAt = assignment.LastUsedAt,
        };
        await InsertAsync(row, () => Error.RoleAssignmentExists(assignment.Id, nameof(assignment)), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RoleAssignment?> RevokeAssignmentAsync(string assignmentId, string revokedBy, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignmentId);
        ArgumentNullException.ThrowIfNull(revokedBy);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);

        // One conditional UPDATE: of several instances revoking at once, the database lets exactly one match the row.
        var revoked = await lease.Context.Set<RoleAssignmentRow>()
            .Where(r => r.Id == assignmentId && r.RevokedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.RevokedAt, (DateTimeOffset?)revokedAt).SetProperty(r => r.RevokedBy, revokedBy),
                cancellationToken).ConfigureAwait(false);
        return revoked == 1
            ? await FindAsync(lease.Context, assignmentId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public async ValueTask RecordUsageAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lastUsed);
        if (lastUsed.Count == 0)
        {
            return;
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var assignments = lease.Context.Set<RoleAssignmentRow>();

        // Each UPDATE moves the time only forward, so concurrent flushes from several instances keep the latest use
        // whatever their order; an unknown id matches no row. Ids in order keep the row locks in one order.
        foreach (var (id, at) in lastUsed.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            await assignments
                .Where(r => r.Id == id && (r.LastUsedAt == null || r.LastUsedAt < at))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastUsedAt, (DateTimeOffset?)at), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask AddReviewAsync(AccessReviewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new AccessReviewRow
        {
            Id = record.Id,
            AssignmentId = record.AssignmentId,
            ReviewerId = record.ReviewerId,
            Decision = (int)record.Decision,
            ReviewedAt = record.ReviewedAt,
        };
        await InsertAsync(row, () => Error.AccessReviewExists(record.Id, nameof(record)), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<AccessReviewRecord>> GetReviewsAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<AccessReviewRow>().AsNoTracking()
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AccessReviewRecord
        {
            Id = r.Id,
            AssignmentId = r.AssignmentId,
            ReviewerId = r.ReviewerId,
            Decision = (AccessReviewDecision)r.Decision,
            ReviewedAt = r.ReviewedAt,
        })];
    }

    // Inserts one row; a unique violation (the id is taken, here or on another instance) becomes the given exception.
    private async ValueTask InsertAsync<TRow>(TRow row, Func<ArgumentException> idTaken, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        lease.Context.Set<TRow>().Add(row);
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw idTaken();
        }
    }

    private static async ValueTask<RoleAssignment?> FindAsync(TContext context, string assignmentId, CancellationToken cancellationToken)
    {
        var row = await context.Set<RoleAssignmentRow>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == assignmentId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAssignment(row);
    }

    // Grant order (then id), so every provider returns the same order whatever its storage order.
    private static RoleAssignment[] ToAssignments(List<RoleAssignmentRow> rows) =>
        [.. rows.OrderBy(r => r.GrantedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ToAssignment)];

    private static RoleAssignment ToAssignment(RoleAssignmentRow row) => new()
    {
        Id = row.Id,
        ActorId = row.ActorId,
        Role = row.Role,
        GrantedBy = row.GrantedBy,
        GrantedAt = row.GrantedAt,
        StartsAt = row.StartsAt,
        ExpiresAt = row.ExpiresAt,
        RevokedAt = row.RevokedAt,
        RevokedBy = row.RevokedBy,
        LastUsedAt = row.LastUsedAt,
    };
}
