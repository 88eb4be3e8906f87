using Microsoft.EntityFrameworkCore;
using PrivacyKit.Consent;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Keeps the append-only consent history in the application's database. Records are only inserted; the unique
/// index on the record id rejects a reused id even across instances; the database-generated sequence keeps the
/// append order. Consent records hold identifiers and references, no personal values, so they are stored in clear.
/// </summary>
internal sealed class EntityFrameworkConsentStore<TContext>(StoreContextFactory<TContext> contexts) : IConsentStore
    where TContext : DbContext
{
    public async ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        lease.Context.Set<ConsentRecordRow>().Add(new ConsentRecordRow
        {
            Id = record.Id,
            SubjectId = record.SubjectId,
            PurposeId = record.PurposeId,
            Kind = (int)record.Kind,
            OccurredAt = record.OccurredAt,
            PolicyVersion = record.PolicyVersion,
            PolicyTextHash = record.PolicyTextHash,
            Source = (int)record.Source,
            ProofReference = record.ProofReference,
            ExpiresAt = record.ExpiresAt,
        });
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Error.ConsentRecordExists(record.Id);
        }
    }

    public async ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<ConsentRecordRow>().AsNoTracking()
            .Where(r => r.SubjectId == subjectId)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ConsentRecord
        {
            Id = r.Id,
            SubjectId = r.SubjectId,
            PurposeId = r.PurposeId,
            Kind = (ConsentEventKind)r.Kind,
            OccurredAt = r.OccurredAt,
            PolicyVersion = r.PolicyVersion,
            PolicyTextHash = r.PolicyTextHash,
            Source = (ConsentSource)r.Source,
            ProofReference = r.ProofReference,
            ExpiresAt = r.ExpiresAt,
        })];
    }
}
