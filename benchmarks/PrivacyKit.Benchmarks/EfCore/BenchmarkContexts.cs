using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>The clear model (also used by the Data Protection variant, which adds value converters).</summary>
public sealed class ClearCrmContext(DbContextOptions<ClearCrmContext> options, IDataProtector? protector = null) : DbContext(options)
{
    public DbSet<ClearCustomer> Customers => Set<ClearCustomer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var customer = modelBuilder.Entity<ClearCustomer>();
        customer.ToTable("Customers");

        // Searchable by e-mail, as the PrivacyKit model is through the index on its blind-index column.
        customer.HasIndex(c => c.Email);
        if (protector is not null)
        {
            // The common hand-written approach: a value converter per personal column calling IDataProtector.
            customer.Property(c => c.Name).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
            customer.Property(c => c.Email).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
            customer.Property(c => c.Phone).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
            customer.Property(c => c.Address).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
        }
    }
}

/// <summary>The PrivacyKit model: attributes on the entity and UsePrivacyKit on the options.</summary>
public sealed class EncryptedCrmContext(DbContextOptions<EncryptedCrmContext> options) : DbContext(options)
{
    public DbSet<EncryptedCustomer> Customers => Set<EncryptedCustomer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<EncryptedCustomer>().ToTable("Customers");
}

/// <summary>Creates the three variants over SQLite in memory, each on its own open connection.</summary>
internal sealed class BenchmarkDatabases : IDisposable
{
    private readonly List<SqliteConnection> _connections = [];

    public BenchmarkDatabases()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrivacyKit()
            .AddKeyEncryptionKey(new InMemoryKeyEncryptionKey())
            .AddInMemoryDataKeyStore()
            .ConfigureFieldEncryption(o => o.KeyCacheSize = 4 * BenchmarkCustomerData.Count);
        Services = services.BuildServiceProvider();
        Protector = new EphemeralDataProtectionProvider().CreateProtector("PrivacyKit.Benchmarks.Customer");
    }

    public ServiceProvider Services { get; }

    public IDataProtector Protector { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        _connections.Add(connection);
        return connection;
    }

    public ClearCrmContext Clear(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<ClearCrmContext>().UseSqlite(connection).Options);

    /// <summary>The clear model with an interceptor that does nothing on materialization: what EF Core's interception itself costs.</summary>
    public ClearCrmContext ClearIntercepted(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<ClearCrmContext>().UseSqlite(connection).AddInterceptors(NoOpMaterializationInterceptor.Instance).Options);

    public ClearCrmContext DataProtection(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<ClearCrmContext>().UseSqlite(connection)
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectedModelCacheKeyFactory>().Options, Protector);

    public EncryptedCrmContext PrivacyKit(SqliteConnection connection) =>
        new((DbContextOptions<EncryptedCrmContext>)new DbContextOptionsBuilder<EncryptedCrmContext>().UseSqlite(connection).UsePrivacyKit(Services).Options);

    /// <summary>The PrivacyKit model storing ciphertexts as BLOBs instead of <c>pk1:</c> base64 text.</summary>
    public EncryptedCrmContext PrivacyKitBinary(SqliteConnection connection) =>
        new((DbContextOptions<EncryptedCrmContext>)new DbContextOptionsBuilder<EncryptedCrmContext>().UseSqlite(connection)
            .UsePrivacyKit(Services, o => o.StoreCiphertextAs(CiphertextStorage.Binary)).Options);

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        Services.Dispose();
    }
}

/// <summary>Returns every materialized entity unchanged.</summary>
internal sealed class NoOpMaterializationInterceptor : IMaterializationInterceptor
{
    public static NoOpMaterializationInterceptor Instance { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity) => entity;
}
