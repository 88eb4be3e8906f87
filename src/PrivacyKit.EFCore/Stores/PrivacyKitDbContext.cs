using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// A ready DbContext holding only PrivacyKit's stores, for teams that keep them apart from the application's own
/// DbContext (a separate database, connection string or migrations history). Register it like any context and pass
/// it to <see cref="EntityFrameworkPrivacyKitBuilderExtensions.AddEntityFrameworkStores{TContext}(IPrivacyKitBuilder)"/>.
/// Derive from it to choose a schema (<see cref="Schema"/>) or to add migrations in your own assembly.
/// </summary>
/// <remarks>Like every DbContext, an instance is not thread-safe; the stores create one per operation.</remarks>
public class PrivacyKitDbContext : DbContext
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The options (provider, connection).</param>
    public PrivacyKitDbContext(DbContextOptions<PrivacyKitDbContext> options)
        : base(options)
    {
    }

    /// <summary>Initializes a new instance of a derived context.</summary>
    /// <param name="options">The options of the derived context.</param>
    protected PrivacyKitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Gets the schema of the tables, or <see langword="null"/> for <c>privacykit_</c>-prefixed tables in the default schema.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    protected virtual string? Schema => null;

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddPrivacyKitStores(Schema);
    }
}
