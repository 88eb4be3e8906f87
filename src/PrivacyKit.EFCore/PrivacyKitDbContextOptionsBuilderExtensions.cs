using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyKit.EFCore.Infrastructure;

namespace PrivacyKit.EFCore;

/// <summary>Adds PrivacyKit to a DbContext's options.</summary>
public static class PrivacyKitDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Applies PrivacyKit to the context: <c>[Encrypted]</c> properties are stored as ciphertext and decrypted on load and
    /// in projections, <c>[BlindIndex]</c> properties get an indexed search column (see
    /// <see cref="BlindIndexes.BlindIndexQueryableExtensions.WhereEquals"/>), queries that would need the database to read
    /// plaintext are refused, and field access masks what the ambient actor may not see. Every save is audited (in the
    /// same transaction with the EF audit store), reads of personal data are audited per subject and query, and entity
    /// types mapped with <c>MapRowScope</c> get the actor's row scope as a query filter. Needs <c>AddPrivacyKit</c>
    /// (with a key-encryption key and a data-key store) in <paramref name="services"/>.
    /// </summary>
    /// <param name="optionsBuilder">The context's options builder.</param>
    /// <param name="services">The application's service provider, e.g. the one given to <c>AddDbContext((sp, o) => ...)</c>.</param>
    /// <param name="configure">Optional PrivacyKit settings for this context.</param>
    /// <returns>The options builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="optionsBuilder"/> or <paramref name="services"/> is <see langword="null"/>.</exception>
    public static DbContextOptionsBuilder UsePrivacyKit(this DbContextOptionsBuilder optionsBuilder, IServiceProvider services, Action<PrivacyKitDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(services);
        var builder = new PrivacyKitDbContextOptionsBuilder();
        configure?.Invoke(builder);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(new PrivacyKitOptionsExtension(services, builder.Build()));
        return optionsBuilder.AddInterceptors(PrivacyKitInterceptors.For(services));
    }

}
