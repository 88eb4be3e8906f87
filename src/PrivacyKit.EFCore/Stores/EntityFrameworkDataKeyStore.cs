using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Keeps wrapped data keys in the application's database. Creation races between instances are settled by the
/// primary key (key id, version) and the unique index (scope, version): the loser's insert fails with a unique
/// violation and <see cref="TryAddAsync"/> returns <see langword="false"/>. Re-wrapping is a compare-and-swap on the
/// concurrency tokens (wrapping key id, shredded time); shredding is one UPDATE that keeps tombstones.
/// </summary>
internal sealed class EntityFrameworkDataKeyStore<TContext>(StoreContextFactory<TContext> contexts, ILogger<EntityFrameworkDataKeyStore<TContext>> logger) : IDataKeyStore
    where TContext : DbContext
{
    /// <summary>Gets how many records one page of <see cref="ListAsync"/> reads (a fresh context per page).</summary>
    internal int PageSize { get; init; } = 500;

    public async ValueTask<DataKeyRecord?> FindAsync(string keyId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var id = keyId.ToLowerInvariant();
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var row = await lease.Context.Set<DataKeyRow>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.KeyId == id && r.Version == version, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async ValueTask<DataKeyRecord?> FindLatestAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var row = await lease.Context.Set<DataKeyRow>().AsNoTracking()
            .Where(r => r.Scope == scope)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async ValueTask<bool> TryAddAsync(DataKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var set = lease.Context.Set<DataKeyRow>();

        // Key ids are random 64-bit values, so a key id of another scope is a bug or tampering, not a race.
        if (await set.AnyAsync(r => r.KeyId == record.KeyId && r.Scope != record.Scope, cancellationToken).ConfigureAwait(false))
        {
            StoresLog.DataKeyConflict(logger, record.KeyId, record.Version);
            return false;
        }

        set.Add(ToRow(record));
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            StoresLog.DataKeyConflict(logger, record.KeyId, record.Version);
            return false;
        }
    }

    public async ValueTask<bool> TryReplaceWrappedKeyAsync(string keyId, int version, string expectedKeyEncryptionKeyId, WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(expectedKeyEncryptionKeyId);
        ArgumentNullException.ThrowIfNull(wrappedKey);
        var id = keyId.ToLowerInvariant();
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var row = await lease.Context.Set<DataKeyRow>()
            .FirstOrDefaultAsync(r => r.KeyId == id && r.Version == version, cancellationToken).ConfigureAwait(false);
        if (row is null || row.ShreddedAt is not null || row.WrappedKey is null ||
            !string.Equals(row.KeyEncryptionKeyId, expectedKeyEncryptionKeyId, StringComparison.Ordinal))
        {
            return false;
        }

        // The UPDATE's WHERE holds the loaded key-encryption key id and the null shredded time (concurrency tokens):
        // a concurrent re-wrap or shred makes it touch no row, which EF reports as a concurrency conflict.
        row.KeyEncryptionKeyId = wrappedKey.KeyEncryptionKeyId;
        row.Algorithm = wrappedKey.Algorithm;
        row.WrappedKey = wrappedKey.Ciphertext.ToArray();
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            StoresLog.RewrapConflict(logger, id, version);
            return false;
        }
    }

    public async ValueTask<int> ShredAsync(string scope, DateTimeOffset shreddedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        return await lease.Context.Set<DataKeyRow>()
            .Where(r => r.Scope == scope && r.ShreddedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.WrappedKey, (byte[]?)null)
                    .SetProperty(r => r.Algorithm, (string?)null)
                    .SetProperty(r => r.ShreddedAt, (DateTimeOffset?)shreddedAt),
                cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DataKeyRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages of a fresh context each, so a long walk (a re-wrap job) holds no connection or transaction.
        // The order of scopes is the database's collation order; versions are ascending within a scope.
        string? lastScope = null;
        var lastVersion = 0;
        while (true)
        {
            List<DataKeyRow> page;
            await using (var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false))
            {
                var query = lease.Context.Set<DataKeyRow>().AsNoTracking();
                if (lastScope is not null)
                {
                    var scope = lastScope;
                    var version = lastVersion;
#pragma warning disable CA1309 // Translated to SQL: the comparison must use the database collation, as ORDER BY does.
                    query = query.Where(r => string.Compare(r.Scope, scope) > 0 || (r.Scope == scope && r.Version > version));
#pragma warning restore CA1309
                }

                page = await query.OrderBy(r => r.Scope).ThenBy(r => r.Version).Take(PageSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var row in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ToRecord(row);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            lastScope = page[^1].Scope;
            lastVersion = page[^1].Version;
        }
    }

    private static DataKeyRow ToRow(DataKeyRecord record) => new()
    {
        KeyId = record.KeyId,
        Version = record.Version,
        Scope = record.Scope,
        KeyEncryptionKeyId = record.KeyEncryptionKeyId,
        Algorithm = record.WrappedKey?.Algorithm,
        WrappedKey = record.WrappedKey?.Ciphertext.ToArray(),
        CreatedAt = record.CreatedAt,
        ShreddedAt = record.ShreddedAt,
    };

    private static DataKeyRecord ToRecord(DataKeyRow row) =>
        row.ShreddedAt is { } shreddedAt || row.WrappedKey is null || row.Algorithm is null
            ? DataKeyRecord.Shredded(row.Scope, row.KeyId, row.Version, row.KeyEncryptionKeyId, row.CreatedAt, row.ShreddedAt ?? row.CreatedAt)
            : new DataKeyRecord(row.Scope, row.KeyId, row.Version, new WrappedKey(row.KeyEncryptionKeyId, row.Algorithm, row.WrappedKey), row.CreatedAt);
}
