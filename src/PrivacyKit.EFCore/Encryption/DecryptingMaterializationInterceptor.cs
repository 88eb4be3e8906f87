using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Masking;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// Decrypts the ciphertext shadow properties of each materialized entity into its CLR properties (tracking and
/// no-tracking queries alike), then applies field access. Runs before EF starts tracking the instance, so EF's
/// original values of clear properties are the masked ones. A singleton: the application's services are looked up
/// from the materializing context.
/// </summary>
internal sealed class DecryptingMaterializationInterceptor : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var plan = ProtectedEntity.For(materializationData.EntityType);
        if (plan.IsEmpty || PrivacyKitRuntime.For(materializationData.Context) is not { } runtime)
        {
            return entity;
        }

        if (plan.Properties.Count > 0)
        {
            // By property, not by name: the name overload looks the property up again for every row.
            var subject = plan.SubjectProperty is null ? null
                : plan.SubjectMetadata is IPropertyBase subjectProperty ? materializationData.GetPropertyValue(subjectProperty)
                : materializationData.GetPropertyValue(plan.SubjectProperty);
            var subjectText = subject is null ? null : PrivacyEntityMetadata.FormatSubjectId(subject);
            EncryptionContext[]? contexts = null;
            SnapshotSet? snapshots = null;
            for (var i = 0; i < plan.Properties.Count; i++)
            {
                var property = plan.Properties[i];
                var stored = property.Ciphertext is IPropertyBase ciphertext
                    ? materializationData.GetPropertyValue(ciphertext)
                    : materializationData.GetPropertyValue(property.Ciphertext.Name);
                object? plaintext = null;
                if (stored is null)
                {
                    property.Codec.Set(entity, null);
                }
                else
                {
                    contexts ??= plan.ContextsFor(subject);
                    property.Codec.DecryptInto(runtime.Encryptor, entity, stored, contexts[i], out var erased);
                    if (erased)
                    {
                        PrivacyKitEFCoreLog.ErasedValueLoaded(runtime.Logger, plan.Name, property.Name);
                    }

                    plaintext = property.Codec.Get(entity);
                }

                (snapshots ??= PlaintextSnapshots.Of(entity)).Record(property.Name, new PropertySnapshot(plaintext, stored, subjectText));
            }
        }

        if (FieldMasking.ObligationsFor(runtime, plan, materializationData.Context) is { } obligations)
        {
            FieldMasking.Apply(entity, plan, obligations);
        }

        return entity;
    }
}
