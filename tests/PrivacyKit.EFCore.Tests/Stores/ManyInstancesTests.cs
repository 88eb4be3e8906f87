using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>
/// Several application instances (service providers with their own data-key caches) on one database: the database
/// settles the first-key race, and a shred on one instance reaches the others within the cache lifetime.
/// </summary>
public sealed class ManyInstancesTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptAsync_ParallelInstancesFirstValueOfANewSubject_OneDataKeyAndEveryValueDecrypts(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        using var kek = new InMemoryKeyEncryptionKey();
        var hosts = new List<StoreTestHost>();
        for (var i = 0; i < 8; i++)
        {
            hosts.Add(await StoreTestHost.CreateAsync(db, kek, useFactory: i % 2 == 0));
        }

        try
        {
            for (var round = 0; round < 5; round++)
            {
                var subject = $"new-subject-{round}";
                var context = EncryptionContext.ForSubject("Customer", "Email", subject);
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var writes = hosts.Select((h, i) => Task.Run(async () =>
                {
                    await start.Task;
                    return await Retry.OnSqliteLockAsync(() => h.Encryptor.EncryptAsync($"value {i}", context));
                })).ToArray();
                start.SetResult();
                var ciphertexts = await Task.WhenAll(writes);

                await using (var check = hosts[0].CreateContext())
                {
                    var keys = await check.Set<DataKeyRow>().Where(r => r.Scope == EncryptionScope.ForSubject(subject)).ToListAsync();
                    var key = Assert.Single(keys);
                    Assert.Equal(1, key.Version);
                }

                foreach (var host in hosts)
                {
                    for (var i = 0; i < ciphertexts.Length; i++)
                    {
                        Assert.Equal($"value {i}", await host.Encryptor.DecryptAsync<string>(ciphertexts[i], context));
                    }
                }
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ShredAsync_OnOneInstance_OthersRefuseTheKeyWithinTheCacheLifetime(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        using var kek = new InMemoryKeyEncryptionKey();
        var time = new FakeTimeProvider(StoreTestHost.Start);
        var lifetime = TimeSpan.FromSeconds(30);
        await using var first = await StoreTestHost.CreateAsync(db, kek, time, cacheLifetime: lifetime);
        await using var second = await StoreTestHost.CreateAsync(db, kek, time, useFactory: false, cacheLifetime: lifetime);
        var context = EncryptionContext.ForSubject("Customer", "Email", "cust-9");
        var ciphertext = await first.Encryptor.EncryptAsync("before the erasure", context);
        Assert.Equal("before the erasure", await second.Encryptor.DecryptAsync<string>(ciphertext, context));
        await second.Encryptor.EncryptAsync("cached on the second instance", context);

        Assert.Equal(1, await first.KeyManager.ShredAsync(EncryptionScope.ForSubject("cust-9")));

        // The instance that shredded refuses at once; the other one once its cached key expires.
        await Assert.ThrowsAsync<DataKeyErasedException>(async () => await first.Encryptor.DecryptAsync<string>(ciphertext, context));
        await Assert.ThrowsAsync<FieldEncryptionException>(async () => await first.Encryptor.EncryptAsync("after", context));
        time.Advance(lifetime + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<DataKeyErasedException>(async () => await second.Encryptor.DecryptAsync<string>(ciphertext, context));
        await Assert.ThrowsAsync<FieldEncryptionException>(async () => await second.Encryptor.EncryptAsync("after", context));
        Assert.Equal(DecryptionStatus.Erased, second.Encryptor.TryDecrypt<string>(ciphertext, context, out var erased));
        Assert.Null(erased);
    }
}
