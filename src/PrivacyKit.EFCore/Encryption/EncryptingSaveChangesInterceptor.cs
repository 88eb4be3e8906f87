using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// Before SaveChanges writes, encrypts the changed plaintext of every tracked entity into its ciphertext shadow
/// properties and recomputes its blind indexes; never writes a property that was loaded masked. The CLR objects keep
/// their plaintext throughout, also when the save fails (the shadow values are then simply written again on retry).
/// </summary>
internal sealed class EncryptingSaveChangesInterceptor : ISaveChangesInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && PrivacyKitRuntime.For(context) is { } runtime)
        {
            var work = Plan(context, runtime);
            if (work.Count > 0)
            {
                // As SaveChangesAsync does: create the new subjects' data keys (up to 8 at a time) before encrypting,
                // instead of one after another as each first value needs its key. Completes at once when all are cached.
                var preload = runtime.Encryptor.PreloadScopesAsync(work.Select(w => w.Context.Scope));
                if (!preload.IsCompletedSuccessfully)
                {
                    preload.AsTask().GetAwaiter().GetResult();
                }
            }

            Apply(runtime, work);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && PrivacyKitRuntime.For(context) is { } runtime)
        {
            var work = Plan(context, runtime);
            if (work.Count > 0)
            {
                // Fetch (or create) the data keys without blocking a thread; the encryption itself is then synchronous.
                await runtime.Encryptor.PreloadScopesAsync(work.Select(w => w.Context.Scope), cancellationToken).ConfigureAwait(false);
                if (work.Any(w => w.Property.BlindIndex is not null))
                {
                    await runtime.BlindIndexer.PreloadAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            Apply(runtime, work);
        }

        return result;
    }

    /// <summary>Finds what to encrypt: validates lengths and subject ids first, so a bad entity fails the save before anything is encrypted.</summary>
    private static List<Work> Plan(DbContext context, PrivacyKitRuntime runtime)
    {
        var work = new List<Work>();

        // Entries() detects changes first when automatic detection is on (once: no explicit DetectChanges before it).
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Detached or EntityState.Deleted)
            {
                continue;
            }

            var plan = ProtectedEntity.For(entry.Metadata);
            if (plan.IsEmpty)
            {
                continue;
            }

            KeepMaskedValues(entry, plan, runtime);
            if (plan.Properties.Count == 0)
            {
                continue;
            }

            var subject = plan.SubjectProperty is null ? null : entry.Property(plan.SubjectProperty).CurrentValue;
            var subjectText = subject is null ? null : PrivacyEntityMetadata.FormatSubjectId(subject);
            EncryptionContext[]? contexts = null;
            for (var i = 0; i < plan.Properties.Count; i++)
            {
                var property = plan.Properties[i];
                var snapshot = PlaintextSnapshots.Find(entry.Entity, property.Name);
                if (snapshot?.Masked == true)
                {
                    continue;
                }

                var value = property.Codec.Get(entry.Entity);
                if (!NeedsEncryption(entry, property, snapshot, value, subjectText))
                {
                    continue;
                }

                if (property.MaxLength is int max && (value is string s && s.Length > max || value is byte[] b && b.Length > max))
                {
                    throw Error.ValueTooLong(plan.Name, property.Name, max);
                }

                if (contexts is null)
                {
                    // Once per entity, before its first value is encrypted.
                    plan.ThrowIfSubjectTemporary(entry);
                    contexts = plan.ContextsFor(subject);
                }
                work.Add(new Work(entry, property, value, contexts[i], subjectText));
            }
        }

        return work;
    }

    private static bool NeedsEncryption(EntityEntry entry, ProtectedProperty protectedProperty, PropertySnapshot? found, object? value, string? subject)
    {
        if (found is null && entry.State == EntityState.Added)
        {
            return true; // a new entity: the common case, decided without looking at the ciphertext property
        }

        var property = protectedProperty.Name;
        var stored = entry.Property(protectedProperty.Ciphertext.Name);
        if (found is not { } snapshot)
        {
            // Never loaded or saved through PrivacyKit: a new entity, or one attached with Update() (EF marks every
            // mapped CLR property modified, not the shadow ones). An entity attached unchanged, or with only some
            // properties marked modified, is left alone: its encrypted properties may not hold real values.
            return entry.State == EntityState.Modified && (stored.IsModified || entry.Properties.All(p => p.IsModified || p.Metadata.IsShadowProperty() || p.Metadata.IsKey()));
        }

        if (value is null && stored.CurrentValue is null && stored.IsModified && entry.State == EntityState.Modified)
        {
            // Both the property and its column were cleared (erasure, anonymisation): store no value at all rather
            // than an encrypted null, as the caller asked.
            PlaintextSnapshots.Record(entry.Entity, property, snapshot with { Plaintext = null, Stored = default });
            return false;
        }

        if (!PropertyCodec.SameValue(snapshot.Plaintext, value) || !string.Equals(snapshot.Subject, subject, StringComparison.Ordinal))
        {
            return true; // the plaintext (or the subject it belongs to) changed
        }

        if (snapshot.Stored == StoredFingerprint.Of(stored.CurrentValue))
        {
            return false;
        }

        if (stored.IsModified && entry.State != EntityState.Added)
        {
            // The shadow property was written directly (erasure, a key job) and the plaintext was not touched:
            // keep that value, and remember it so later saves keep it too.
            PlaintextSnapshots.Record(entry.Entity, property, snapshot with { Stored = StoredFingerprint.Of(stored.CurrentValue) });
            return false;
        }

        return true; // attached again in another context: the shadow value is unknown here
    }

    private static void Apply(PrivacyKitRuntime runtime, List<Work> work)
    {
        foreach (var (entry, property, value, context, subject) in work)
        {
            var ciphertext = property.Codec.Encrypt(runtime.Encryptor, value, context, property.Binary);
            entry.Property(property.Ciphertext.Name).CurrentValue = ciphertext;
            if (property.BlindIndex is not null)
            {
                var normalizer = runtime.Settings.FindNormalizer(property.BlindIndexNormaliser);
                var input = PropertyCodec.IndexInput(value);
                entry.Property(property.BlindIndex.Name).CurrentValue = property.Binary
                    ? runtime.BlindIndexer.Compute(property.BlindIndexKey!, input, normalizer)
                    : runtime.BlindIndexer.ComputeText(property.BlindIndexKey!, input, normalizer);
            }

            PlaintextSnapshots.Record(entry.Entity, property.Name, new PropertySnapshot(value is byte[] b ? b.ToArray() : value, StoredFingerprint.Of(ciphertext), subject));
        }

        if (work.Count > 0 && runtime.Logger.IsEnabled(LogLevel.Debug))
        {
            var entries = work.Select(w => w.Entry.Entity).Distinct().Count();
            PrivacyKitEFCoreLog.EncryptedBeforeSave(runtime.Logger, work.Count, entries);
        }
    }

    /// <summary>A property loaded masked or hidden is never written: EF's own change (for clear properties) is undone.</summary>
    private static void KeepMaskedValues(EntityEntry entry, ProtectedEntity plan, PrivacyKitRuntime runtime)
    {
        foreach (var masked in plan.Maskable)
        {
            if (PlaintextSnapshots.Find(entry.Entity, masked.Name)?.Masked != true)
            {
                continue;
            }

            var stored = masked.IsEncrypted
                ? entry.Property(plan.Properties.First(p => p.Name == masked.Name).Ciphertext.Name)
                : entry.Property(masked.MappedProperty!);
            if (entry.State == EntityState.Modified && stored.IsModified)
            {
                stored.IsModified = false;
                if (!masked.IsEncrypted)
                {
                    PrivacyKitEFCoreLog.MaskedChangeIgnored(runtime.Logger, plan.Name, masked.Name);
                }
            }
        }
    }

    private sealed record Work(EntityEntry Entry, ProtectedProperty Property, object? Value, EncryptionContext Context, string? Subject);
}
