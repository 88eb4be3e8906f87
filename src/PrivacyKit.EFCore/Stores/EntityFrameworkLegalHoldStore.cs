using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Keeps legal holds in the application's database. A hold is inserted once (its id is the primary key) and
/// released by one conditional UPDATE, so two instances releasing the same hold see exactly one success.
/// </summary>
internal sealed class EntityFrameworkLegalHoldStore<TContext>(StoreContextFactory<TContext> contexts) : ILegalHoldStore
    where TContext : DbContext
{
    public async ValueTask PlaceAsync(LegalHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentException.ThrowIfNullOrWhiteSpace(hold.Id, nameof(hold));
        ArgumentException.ThrowIfNullOrWhiteSpace(hold.SubjectId, nameof(hold));
        if (hold.EntityTypes is null)
        {
            throw new ArgumentException("LegalHold.EntityTypes must not be null; leave it empty to cover every entity.", nameof(hold));
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        lease.Context.Set<LegalHoldRow>().Add(new LegalHoldRow
        {
            Id = hold.Id,
            SubjectId = hold.SubjectId,
            Reason = hold.Reason,
            EntityTypes = JsonSerializer.Serialize(hold.EntityTypes, StoreJsonContext.Default.IReadOnlyListString),
            PlacedAt = hold.PlacedAt,
            PlacedBy = hold.PlacedBy,
            ReleasedAt = hold.ReleasedAt,
        });
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Error.LegalHoldExists(hold.Id);
        }
    }

    public async ValueTask<bool> ReleaseAsync(string holdId, DateTimeOffset releasedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holdId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var released = await lease.Context.Set<LegalHoldRow>()
            .Where(r => r.Id == holdId && r.ReleasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReleasedAt, (DateTimeOffset?)releasedAt), cancellationToken).ConfigureAwait(false);
        return released == 1;
    }

    public async ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<LegalHoldRow>().AsNoTracking()
            .Where(r => r.SubjectId == subjectId && r.ReleasedAt == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows
            .Select(r => new LegalHold
            {
                Id = r.Id,
                SubjectId = r.SubjectId,
                Reason = r.Reason,
                EntityTypes = JsonSerializer.Deserialize(r.EntityTypes, StoreJsonContext.Default.IReadOnlyListString) ?? [],
                PlacedAt = r.PlacedAt,
                PlacedBy = r.PlacedBy,
                ReleasedAt = r.ReleasedAt,
            })
            .OrderBy(h => h.PlacedAt)
            .ThenBy(h => h.Id, StringComparer.Ordinal)];
    }
}
