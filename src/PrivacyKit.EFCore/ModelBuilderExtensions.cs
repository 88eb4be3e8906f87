using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Stores;

namespace PrivacyKit.EFCore;

/// <summary>Adds PrivacyKit's tables to an application's EF Core model.</summary>
public static partial class PrivacyKitModelBuilderExtensions
{
    /// <summary>
    /// Adds the entity configurations of PrivacyKit's stores (wrapped data keys, consent history, legal holds, role assignments and access reviews, data
    /// subject requests with their history and execution records, and the audit store when that feature is present)
    /// to the model, so that they live in the application's own database and its migrations. Call it from
    /// <c>OnModelCreating</c>, then register the stores with
    /// <see cref="EntityFrameworkPrivacyKitBuilderExtensions.AddEntityFrameworkStores{TContext}(IPrivacyKitBuilder)"/>.
    /// </summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="schema">
    /// The schema to put the tables in, named without prefix (<c>data_keys</c>, …); when <see langword="null"/> the tables
    /// go into the default schema with the prefix <c>privacykit_</c> (<c>privacykit_data_keys</c>, …).
    /// </param>
    /// <returns>The model builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is empty or white space.</exception>
    public static ModelBuilder AddPrivacyKitStores(this ModelBuilder modelBuilder, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (schema is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        }

        StoreModel.Configure(modelBuilder, schema);
        AddAuditStore(modelBuilder, schema);
        return modelBuilder;
    }

    // Implemented by the audit feature in its own file: the entity configuration of the EF audit store.
    static partial void AddAuditStore(ModelBuilder modelBuilder, string? schema);
}
