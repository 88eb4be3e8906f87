using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Encryption;

/// <summary>
/// One application (AddPrivacyKit with an in-memory KEK and data-key store, logs captured) and one throw-away database.
/// Contexts are created with UsePrivacyKit on that application's provider.
/// </summary>
internal sealed class EfTestHost : IAsyncDisposable
{
    private EfTestHost(TestDatabase database, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Database = database;
        Services = services;
        Logs = logs;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<EfTestHost> CreateAsync(string provider, Action<IPrivacyKitBuilder>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddPrivacyKit(o => o.InstanceId = "efcore-tests")
            .AddKeyEncryptionKey(new InMemoryKeyEncryptionKey())
            .AddInMemoryDataKeyStore();
        configure?.Invoke(builder);
        return new EfTestHost(await ProviderData.CreateAsync(provider), services.BuildServiceProvider(), logs);
    }

    public CrmContext CreateContext(Action<PrivacyKitDbContextOptionsBuilder>? configure = null, Action<DbContextOptionsBuilder>? options = null) =>
        CreateContext(o => new CrmContext(o), configure, options);

    public TContext CreateContext<TContext>(Func<DbContextOptions, TContext> create, Action<PrivacyKitDbContextOptionsBuilder>? configure = null, Action<DbContextOptionsBuilder>? options = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Database.Configure(builder);
        builder.UsePrivacyKit(Services, configure)
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning))
            .UseLoggerFactory(Services.GetRequiredService<ILoggerFactory>());
        options?.Invoke(builder);
        return create(builder.Options);
    }

    /// <summary>Creates the schema and saves a customer with two notes; returns the customer.</summary>
    public async Task<Customer> SeedAsync(string email = "ann.canary@example.org")
    {
        await using var context = await CreateSchemaAsync();
        var customer = NewCustomer(email);
        customer.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "likes canaries", Priority = 1 });
        customer.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "call back", Priority = 2 });
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
        return customer;
    }

    public async Task<CrmContext> CreateSchemaAsync(Action<PrivacyKitDbContextOptionsBuilder>? configure = null)
    {
        var context = CreateContext(configure);
        await context.Database.EnsureCreatedAsync();
        return context;
    }

    /// <summary>Reads one column of one row with ADO.NET (null for DBNull).</summary>
    public async Task<object?> ReadRawAsync(string table, string column, string keyColumn, object key)
    {
        await using var connection = await Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{keyColumn}\" = @key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<int> ExecuteRawAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every log message and exception text, for canary assertions.</summary>
    public string AllLogText() => string.Join("\n", Logs.Entries.Select(e => e.Message + " " + e.Exception));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static Customer NewCustomer(string email = "ann.canary@example.org", string account = "A-1") => new()
    {
        Id = Guid.NewGuid(),
        AccountCode = account,
        Name = "Ann Canary",
        Email = email,
        Phone = "+44 20 7946 0958",
        CreditLimit = 1234.56m,
        BirthDate = new DateOnly(1980, 2, 29),
        Address = new Address { Street = "1 Canary Wharf", City = "London" },
    };
}

/// <summary>Keeps every log entry, formatted.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries)
            {
                owner._entries.Add((category, eventId, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
