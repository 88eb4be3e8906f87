using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The data-key store contract (as the core's in-memory store honours it) on SQLite and PostgreSQL.</summary>
public sealed class EntityFrameworkDataKeyStoreTests
{
    private static readonly DateTimeOffset Now = StoreTestHost.Start;

    internal static DataKeyRecord Record(string scope, string keyId, int version, string kek = "kek:1") =>
        new(scope, keyId, version, new WrappedKey(kek, "A256GCM", new byte[] { 1, 2, 3 }), Now);

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryAddAsync_DuplicateScopeAndVersion_ReportsAConflictAndKeepsTheFirst(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;

        Assert.True(await store.TryAddAsync(Record("subject:1", "00000000000000aa", 1)));
        Assert.False(await store.TryAddAsync(Record("subject:1", "00000000000000bb", 1)));
        Assert.False(await store.TryAddAsync(Record("subject:2", "00000000000000aa", 1)));
        Assert.False(await store.TryAddAsync(Record("subject:2", "00000000000000aa", 2)));

        var latest = await store.FindLatestAsync("subject:1");
        Assert.Equal("00000000000000aa", latest!.KeyId);
        Assert.Equal(new byte[] { 1, 2, 3 }, latest.WrappedKey!.Ciphertext.ToArray());
        Assert.Equal("A256GCM", latest.WrappedKey.Algorithm);
        Assert.Equal(Now, latest.CreatedAt);
        Assert.Null(await store.FindLatestAsync("subject:2"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryAddAsync_RaceForTheSameVersion_ExactlyOneWinner(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;
        var contenders = db.Provider == DatabaseProvider.Postgres ? 16 : 4;

        var results = await Task.WhenAll(Enumerable.Range(1, contenders).Select(i => Task.Run(async () =>
            await Retry.OnSqliteLockAsync(() => store.TryAddAsync(Record("subject:race", $"{i:x16}", 1))))));

        Assert.Equal(1, results.Count(r => r));
        var winner = await store.FindLatestAsync("subject:race");
        Assert.Equal(Array.IndexOf(results, true) + 1, Convert.ToInt32(winner!.KeyId, 16));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryAddAsync_StorageFailure_ThrowsInsteadOfReportingAConflict(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        await using (var connection = await db.OpenRawConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE privacykit_data_keys";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(async () => await host.Keys.TryAddAsync(Record("s", "00000000000000aa", 1)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task FindAsync_AnyCaseOfTheKeyId_FindsTheVersion(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;
        await store.TryAddAsync(Record("s", "00000000000000aa", 2));
        await store.TryAddAsync(Record("s", "00000000000000aa", 1));

        Assert.Equal(2, (await store.FindLatestAsync("s"))!.Version);
        Assert.Equal(1, (await store.FindAsync("00000000000000AA", 1))!.Version);
        Assert.Null(await store.FindAsync("00000000000000aa", 3));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ShredAsync_RemovesTheMaterialOfEveryVersionAndKeepsTombstones(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;
        await store.TryAddAsync(Record("s", "00000000000000aa", 1));
        await store.TryAddAsync(Record("s", "00000000000000aa", 2));
        await store.TryAddAsync(Record("other", "00000000000000bb", 1));

        Assert.Equal(2, await store.ShredAsync("s", Now.AddHours(1)));
        Assert.Equal(0, await store.ShredAsync("s", Now.AddHours(2)));
        Assert.Equal(0, await store.ShredAsync("unknown", Now));

        var tombstone = await store.FindAsync("00000000000000aa", 1);
        Assert.True(tombstone!.IsShredded);
        Assert.Null(tombstone.WrappedKey);
        Assert.Equal("kek:1", tombstone.KeyEncryptionKeyId);
        Assert.Equal(Now.AddHours(1), tombstone.ShreddedAt);
        Assert.False((await store.FindLatestAsync("other"))!.IsShredded);
        Assert.False(await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", new WrappedKey("kek:2", "A256GCM", new byte[] { 9 })));

        // No wrapped key material is left in the table for the shredded scope.
        await using var connection = await db.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM privacykit_data_keys WHERE \"Scope\" = 's' AND \"WrappedKey\" IS NOT NULL";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryReplaceWrappedKeyAsync_ComparesTheExpectedKeyEncryptionKey(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;
        await store.TryAddAsync(Record("s", "00000000000000aa", 1));
        var rewrapped = new WrappedKey("kek:2", "RSA-OAEP-256", new byte[] { 9 });

        Assert.False(await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:other", rewrapped));
        Assert.True(await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", rewrapped));
        Assert.False(await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", rewrapped));
        Assert.False(await store.TryReplaceWrappedKeyAsync("00000000000000cc", 1, "kek:1", rewrapped));

        var record = await store.FindAsync("00000000000000aa", 1);
        Assert.Equal("kek:2", record!.KeyEncryptionKeyId);
        Assert.Equal("RSA-OAEP-256", record.WrappedKey!.Algorithm);
        Assert.Equal(new byte[] { 9 }, record.WrappedKey.Ciphertext.ToArray());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryReplaceWrappedKeyAsync_ConcurrentRewraps_ExactlyOneWins(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;
        await store.TryAddAsync(Record("s", "00000000000000aa", 1));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            await Retry.OnSqliteLockAsync(() => store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", new WrappedKey($"kek:new{i}", "A256GCM", new byte[] { (byte)i }))))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal($"kek:new{Array.IndexOf(results, true)}", (await store.FindAsync("00000000000000aa", 1))!.KeyEncryptionKeyId);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ListAsync_MoreThanOnePage_ReturnsEveryRecordOrderedByScopeThenVersion(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        await using (var context = host.CreateContext())
        {
            // 5 scopes of 3 versions, inserted out of order, listed in pages of 4 (pages end inside and at scope ends).
            for (var scope = 4; scope >= 0; scope--)
            {
                for (var version = 3; version >= 1; version--)
                {
                    context.Add(new DataKeyRow
                    {
                        Scope = $"subject:{scope:d4}",
                        KeyId = $"{scope + 1:x16}",
                        Version = version,
                        KeyEncryptionKeyId = "kek:1",
                        Algorithm = "A256GCM",
                        WrappedKey = [1],
                        CreatedAt = Now,
                    });
                }
            }

            await context.SaveChangesAsync();
        }

        var store = new EntityFrameworkDataKeyStore<StoreTestContext>(
            host.Services.GetRequiredService<StoreContextFactory<StoreTestContext>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EntityFrameworkDataKeyStore<StoreTestContext>>.Instance) { PageSize = 4 };
        var listed = new List<DataKeyRecord>();
        await foreach (var record in store.ListAsync())
        {
            listed.Add(record);
        }

        Assert.Equal(
            Enumerable.Range(0, 5).SelectMany(s => Enumerable.Range(1, 3).Select(v => $"subject:{s:d4}#{v}")),
            listed.Select(r => $"{r.Scope}#{r.Version}"));
        Assert.Equal(15, await CountAsync(host.Keys.ListAsync()));
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<DataKeyRecord> records)
    {
        var count = 0;
        await foreach (var _ in records)
        {
            count++;
        }

        return count;
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PublicMethods_NullArguments_ThrowArgumentNullException(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Keys;

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.TryAddAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.FindAsync(null!, 1));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.FindLatestAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.ShredAsync(null!, Now));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, null!, new WrappedKey("k", "a", new byte[] { 1 })));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "k", null!));
    }

    [Fact]
    public async Task AnyStore_ContextWithoutTheStoreTables_SaysToCallAddPrivacyKitStores()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var services = new ServiceCollection();
        services.AddDbContext<BareContext>(o => db.Configure(o));
        services.AddLogging();
        services.AddPrivacyKit().AddEntityFrameworkStores<BareContext>();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDataKeyStore>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindLatestAsync("s"));

        Assert.Contains("BareContext", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddPrivacyKitStores()", ex.Message, StringComparison.Ordinal);
    }

    private sealed class BareContext(DbContextOptions<BareContext> options) : DbContext(options)
    {
        public DbSet<StoreTestContext.Note> Notes => Set<StoreTestContext.Note>();
    }
}
