using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Masking;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// Decrypts the stored ciphertexts of a materialised entity into its CLR properties (tracking and no-tracking queries
/// alike), records its plaintext snapshots, then applies field access. Runs before EF starts tracking the instance,
/// so EF's original values of clear properties are the masked ones. Thread-safe.
/// </summary>
internal static class DecryptingMaterialization
{
    /// <summary>Decrypts and masks <paramref name="entity"/>.</summary>
    /// <param name="context">The materialising context.</param>
    /// <param name="plan">The entity type's protection plan.</param>
    /// <param name="entity">The initialised entity.</param>
    /// <param name="stored">The subject id, then each protected property's ciphertext (see <see cref="EntityMaterialization.StoredProperties"/>).</param>
    public static void Apply(DbContext context, ProtectedEntity plan, object entity, object?[] stored)
    {
        if (plan.IsEmpty || PrivacyKitRuntime.For(context) is not { } runtime)
        {
            return;
        }

        if (plan.Properties.Count > 0)
        {
            var subject = stored[0];
            var subjectText = subject is null ? null : PrivacyEntityMetadata.FormatSubjectId(subject);
            string? scope = null;
            SnapshotSet? snapshots = null;
            for (var i = 0; i < plan.Properties.Count; i++)
            {
                var property = plan.Properties[i];
                var ciphertext = stored[i + 1];
                object? plaintext = null;
                if (ciphertext is null)
                {
                    property.Codec.Set(entity, null);
                }
                else
                {
                    scope ??= plan.ScopeFor(subject);
                    property.Codec.DecryptInto(runtime.Encryptor, entity, ciphertext, plan.ContextFor(i, scope), out var erased);
                    if (erased)
                    {
                        PrivacyKitEFCoreLog.ErasedValueLoaded(runtime.Logger, plan.Name, property.Name);
                    }

                    plaintext = property.Codec.Get(entity);
                }

                (snapshots ??= PlaintextSnapshots.Of(entity)).Record(property.Name, new PropertySnapshot(plaintext, StoredFingerprint.Of(ciphertext), subjectText));
            }
        }

        if (FieldMasking.ObligationsFor(runtime, plan, context) is { } obligations)
        {
            FieldMasking.Apply(entity, plan, obligations);
        }
    }
}
