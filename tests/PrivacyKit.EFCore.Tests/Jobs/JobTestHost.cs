using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

using PrivacyKit.Tests.Keys;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>
/// One application instance with the jobs over <see cref="CrmJobContext"/>, stores in the same database, and a test
/// data set of customers (plaintext e-mail addresses and birth dates) and notes, as an existing CRM has them.
/// </summary>
internal sealed class JobTestHost : IAsyncDisposable
{
    public const string Canary = "canary.zebulon@example.org";

    private readonly ServiceProvider _provider;

    private JobTestHost(TestDatabase database, IKeyEncryptionKey kek)
    {
        Database = database;
        Kek = kek;
        var services = new ServiceCollection();
        services.AddSingleton<PrivacyKit.Audit.IAuditTrail>(Audit);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddDbContextFactory<CrmJobContext>(o => PooledConnections.Configure(database, o));
        services.AddPrivacyKit().AddKeyEncryptionKey(kek).AddEntityFrameworkStores<CrmJobContext>().AddEntityFrameworkJobs<CrmJobContext>();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TestDatabase Database { get; }

    public IKeyEncryptionKey Kek { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IPrivacyKitJobs Jobs => _provider.GetRequiredService<IPrivacyKitJobs>();

    public IFieldEncryptor Encryptor => _provider.GetRequiredService<IFieldEncryptor>();

    public IDataKeyManager KeyManager => _provider.GetRequiredService<IDataKeyManager>();

    public IDataKeyStore KeyStore => _provider.GetRequiredService<IDataKeyStore>();

    /// <summary>The original values, by customer id and note id.</summary>
    public Dictionary<int, (Guid Subject, string? Email, DateOnly? BirthDate)> Customers { get; } = [];

    public Dictionary<long, string?> Notes { get; } = [];

    public static async Task<JobTestHost> CreateAsync(TestDatabase database, IKeyEncryptionKey? kek = null, int customers = 0, int notes = 0)
    {
        var host = new JobTestHost(database, kek ?? new InMemoryKeyEncryptionKey());
        await using var context = host.CreateContext();
        if (await context.Database.EnsureCreatedAsync())
        {
            await host.SeedAsync(context, customers, notes);
        }

        return host;
    }

    public CrmJobContext CreateContext() => new(Database.Configure(new DbContextOptionsBuilder<CrmJobContext>()).Options);

    /// <summary>Reads every encrypted column raw and checks each value is the original plaintext or a ciphertext of it; returns how many are ciphertext.</summary>
    public async Task<int> AssertEveryValueIntactAsync(bool requireEncrypted)
    {
        await using var context = CreateContext();
        var encrypted = 0;
        var customers = await context.Customers.AsNoTracking()
            .Select(c => new { c.Id, c.CustomerId, Email = EF.Property<string?>(c, CrmJobContext.EmailColumn), BirthDate = EF.Property<string?>(c, CrmJobContext.BirthDateColumn) })
            .ToListAsync();
        Assert.Equal(Customers.Count, customers.Count);
        foreach (var row in customers)
        {
            var original = Customers[row.Id];
            Assert.Equal(original.Subject, row.CustomerId);
            var subject = row.CustomerId.ToString("D");
            encrypted += await CheckAsync(row.Email, original.Email, EncryptionContext.ForSubject(nameof(JobCustomer), nameof(JobCustomer.Email), subject), v => v, requireEncrypted);
            encrypted += await CheckAsync(row.BirthDate, original.BirthDate, EncryptionContext.ForSubject(nameof(JobCustomer), nameof(JobCustomer.BirthDate), subject), v => DateOnly.Parse(v, CultureInfo.InvariantCulture), requireEncrypted);
        }

        var notes = await context.Notes.AsNoTracking().Select(n => new { n.Id, Text = EF.Property<string?>(n, CrmJobContext.TextColumn) }).ToListAsync();
        Assert.Equal(Notes.Count, notes.Count);
        foreach (var row in notes)
        {
            encrypted += await CheckAsync(row.Text, Notes[row.Id], EncryptionContext.ForEntity(nameof(JobNote), nameof(JobNote.Text)), v => v, requireEncrypted);
        }

        return encrypted;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
    }

    private async Task<int> CheckAsync<T>(string? stored, T? original, EncryptionContext context, Func<string, T> parse, bool requireEncrypted)
    {
        if (original is null)
        {
            Assert.Null(stored);
            return 0;
        }

        Assert.NotNull(stored);
        if (!FieldCiphertext.IsEncrypted(stored))
        {
            Assert.False(requireEncrypted, $"{context} is still plaintext");
            Assert.Equal(original, parse(stored));
            return 0;
        }

        Assert.Equal(original, await Encryptor.DecryptAsync<T>(FieldCiphertext.FromText(stored), context));
        return 1;
    }

    private async Task SeedAsync(CrmJobContext context, int customers, int notes)
    {
        var random = new Random(7);
        for (var i = 1; i <= customers; i++)
        {
            var subject = new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)(i % 256)]);
            var email = i == 1 ? Canary : i % 5 == 0 ? null : $"person{i}@example.com";
            DateOnly? birth = i % 4 == 0 ? null : new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28));
            var customer = new JobCustomer { Id = i, CustomerId = subject, Segment = "retail" };
            context.Add(customer);
            context.Entry(customer).Property(CrmJobContext.EmailColumn).CurrentValue = email;
            context.Entry(customer).Property(CrmJobContext.BirthDateColumn).CurrentValue = birth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Customers[i] = (subject, email, birth);
        }

        for (var i = 1; i <= notes; i++)
        {
            var note = new JobNote { Id = i };
            context.Add(note);
            var text = i % 3 == 0 ? null : $"called about order {i}";
            context.Entry(note).Property(CrmJobContext.TextColumn).CurrentValue = text;
            Notes[i] = text;
        }

        await context.SaveChangesAsync();
    }
}
