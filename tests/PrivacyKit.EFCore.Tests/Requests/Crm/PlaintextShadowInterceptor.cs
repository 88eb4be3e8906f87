using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Tests.Requests.Crm;

/// <summary>
/// Stands in for the encryption interceptors in these tests: copies each encrypted CLR property into its ciphertext
/// shadow property (as plaintext) and a lower-cased "bi:" form into its blind-index shadow property on save, and back
/// on materialisation. The erasure checks still prove those columns are cleared.
/// </summary>
internal sealed class PlaintextShadowInterceptor : SaveChangesInterceptor, IMaterializationInterceptor
{
    public static PlaintextShadowInterceptor Instance { get; } = new();

    public static string? IndexOf(string? value) => value is null ? null : "bi:" + value.ToLowerInvariant();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Copy(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Copy(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (PrivacyEntityMetadata.For(materializationData.EntityType) is { } metadata)
        {
            foreach (var field in metadata.Properties.Where(p => p.CiphertextProperty is not null))
            {
                field.ClrProperty!.SetValue(entity, materializationData.GetPropertyValue<string?>(field.CiphertextProperty!));
            }
        }

        return entity;
    }

    private static void Copy(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged))
        {
            if (PrivacyEntityMetadata.For(entry.Metadata) is not { } metadata)
            {
                continue;
            }

            foreach (var field in metadata.Properties.Where(p => p.CiphertextProperty is not null))
            {
                var plaintext = (string?)field.ClrProperty!.GetValue(entry.Entity);
                entry.Property(field.CiphertextProperty!).CurrentValue = plaintext;
                if (field.BlindIndexProperty is not null)
                {
                    entry.Property(field.BlindIndexProperty).CurrentValue = IndexOf(plaintext);
                }
            }
        }
    }
}
