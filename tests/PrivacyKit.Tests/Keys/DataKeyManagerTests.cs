using PrivacyKit.Audit;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Tests.Encryption;

namespace PrivacyKit.Tests.Keys;

public sealed class DataKeyManagerTests : IDisposable
{
    private const string Canary = "canary-Bob.Jones-0815@example.org";
    private readonly EncryptionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ShredAsync_EndToEnd_ErasesOnlyThatSubjectAtOnceHereAndWithinTheLifetimeElsewhere()
    {
        using var otherInstance = new EncryptionTestHost(_host.Store, _host.Kek, time: _host.Time);
        var ann = EncryptionTestHost.Context("ann");
        var bob = EncryptionTestHost.Context("bob");
        var annValue = _host.Encryptor.Encrypt(Canary, ann);
        var annRotated = await _host.Keys.RotateDataKeyAsync(ann.Scope);
        var annNewer = _host.Encryptor.Encrypt(Canary, ann);
        var bobValue = _host.Encryptor.Encrypt(Canary, bob);
        Assert.Equal(Canary, otherInstance.Encryptor.Decrypt<string>(annNewer, ann));

        var shredded = await _host.Keys.ShredAsync(ann.Scope);

        Assert.Equal(2, shredded);
        Assert.Throws<DataKeyErasedException>(() => _host.Encryptor.Decrypt<string>(annValue, ann));
        Assert.Throws<DataKeyErasedException>(() => _host.Encryptor.Decrypt<string>(annNewer, ann));
        Assert.Equal(Canary, _host.Encryptor.Decrypt<string>(bobValue, bob));

        // The other instance still holds the unwrapped key until its cache lifetime ends, then sees the erasure.
        Assert.Equal(Canary, otherInstance.Encryptor.Decrypt<string>(annNewer, ann));
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Throws<DataKeyErasedException>(() => otherInstance.Encryptor.Decrypt<string>(annNewer, ann));

        var tombstone = await _host.Store.FindAsync(annRotated.KeyId, annRotated.Version);
        Assert.True(tombstone!.IsShredded);
        Assert.Null(tombstone.WrappedKey);
        Assert.Equal(_host.Time.GetUtcNow(), tombstone.ShreddedAt + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ShredAsync_ScopeWithoutAKey_LeavesATombstoneThatRefusesLateWrites()
    {
        var context = EncryptionTestHost.Context("never-encrypted");

        Assert.Equal(0, await _host.Keys.ShredAsync(context.Scope));

        Assert.True((await _host.Store.FindLatestAsync(context.Scope))!.IsShredded);
        Assert.Throws<FieldEncryptionException>(() => _host.Encryptor.Encrypt(Canary, context));
        Assert.Equal(2, (await _host.Keys.RotateDataKeyAsync(context.Scope)).Version);
        Assert.Equal(Canary, _host.Encryptor.Decrypt<string>(_host.Encryptor.Encrypt(Canary, context), context));
    }

    [Fact]
    public async Task ShredAsync_RecordsAKeyOperationWithoutKeyMaterial()
    {
        var context = EncryptionTestHost.Context("ann");
        _host.Encryptor.Encrypt(Canary, context);
        FieldCiphertext.TryGetKeyReference(_host.Encryptor.Encrypt(Canary, context), out var key);
        var wrapped = (await _host.Store.FindAsync(key.KeyId, key.Version))!.WrappedKey!;

        await _host.Keys.ShredAsync(context.Scope);

        var events = _host.Audit.Events;
        Assert.Equal(["key.create", "key.shred"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(AuditEventKind.KeyOperation, e.Kind));
        Assert.Equal(key.KeyId, events[1].ResourceId);
        Assert.All(events, e => Assert.Equal("ann", e.SubjectId));
        Assert.Equal("1", events[1].Properties["versions"]);
        var everything = string.Join("|", events.SelectMany(e => e.Properties.Values.Append(e.ToString())));
        Assert.DoesNotContain(Convert.ToBase64String(wrapped.Ciphertext.Span), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateDataKeyAsync_NewWritesUseTheNewVersionAndOldValuesStillDecrypt()
    {
        var context = EncryptionTestHost.Context("ann");
        var old = _host.Encryptor.Encrypt(Canary, context);

        var rotated = await _host.Keys.RotateDataKeyAsync(context.Scope);
        var fresh = _host.Encryptor.Encrypt(Canary, context);

        FieldCiphertext.TryGetKeyReference(old, out var oldKey);
        FieldCiphertext.TryGetKeyReference(fresh, out var newKey);
        Assert.Equal(oldKey.KeyId, newKey.KeyId);
        Assert.Equal(1, oldKey.Version);
        Assert.Equal(rotated, newKey);
        Assert.Equal(2, newKey.Version);
        Assert.Equal(Canary, _host.Encryptor.Decrypt<string>(old, context));
        Assert.Equal(Canary, _host.Encryptor.Decrypt<string>(fresh, context));
        Assert.Contains(_host.Audit.Events, e => e.Action == "key.rotate" && e.Properties["version"] == "2");
    }

    [Fact]
    public async Task GetInventoryAsync_ReportsCurrentRetiredShreddedAndKeyEncryptionKeys()
    {
        _host.Encryptor.Encrypt(1, EncryptionTestHost.Context("a"));
        _host.Encryptor.Encrypt(1, EncryptionTestHost.Context("b"));
        _host.Encryptor.Encrypt(1, EncryptionTestHost.Context("c"));
        _host.BlindIndexer.Compute("Customer.Email", "x");
        await _host.Keys.RotateDataKeyAsync(EncryptionScope.ForSubject("a"));
        await _host.Keys.ShredAsync(EncryptionScope.ForSubject("c"));
        var oldKek = _host.Kek.KeyId;
        _host.Kek.Inner.Rotate();
        await _host.Keys.RotateDataKeyAsync(EncryptionScope.ForSubject("b"));

        var inventory = await _host.Keys.GetInventoryAsync();

        Assert.Equal(3, inventory.Scopes);
        Assert.Equal(2, inventory.CurrentVersions);
        Assert.Equal(2, inventory.RetiredKeys.Count);
        Assert.All(inventory.RetiredKeys, k => Assert.Equal(1, k.Version));
        Assert.Equal(1, inventory.ShreddedVersions);
        Assert.Equal(_host.Kek.KeyId, inventory.CurrentKeyEncryptionKeyId);
        Assert.Equal(4, inventory.VersionsByKeyEncryptionKey[oldKek]);
        Assert.Equal(1, inventory.VersionsByKeyEncryptionKey[_host.Kek.KeyId]);
        Assert.Equal(4, inventory.VersionsToRewrap);
    }

    [Fact]
    public async Task RewrapAllAsync_AfterKekRotation_KeepsEveryValueReadableAndIsResumable()
    {
        var values = Enumerable.Range(0, 30).Select(i => (Context: EncryptionTestHost.Context(i.ToString()), Value: $"value-{i}")).ToList();
        var ciphertexts = values.Select(v => _host.Encryptor.Encrypt(v.Value, v.Context)).ToList();
        await _host.Keys.ShredAsync(values[0].Context.Scope);
        var oldKek = _host.Kek.KeyId;

        var newKek = _host.Kek.Inner.Rotate();
        var first = await _host.Keys.RewrapAllAsync();
        var second = await _host.Keys.RewrapAllAsync();

        Assert.Equal(new KeyRewrapResult(newKek, 30, 29, 0, 1), first);
        Assert.Equal(new KeyRewrapResult(newKek, 30, 0, 29, 1), second);
        Assert.Equal(0, (await _host.Keys.GetInventoryAsync()).VersionsToRewrap);
        await foreach (var record in _host.Store.ListAsync())
        {
            Assert.NotEqual(oldKek, record.IsShredded ? newKek : record.KeyEncryptionKeyId);
        }

        using var restarted = new EncryptionTestHost(_host.Store, _host.Kek);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.Equal(values[i].Value, restarted.Encryptor.Decrypt<string>(ciphertexts[i], values[i].Context));
        }

        var audit = Assert.Single(_host.Audit.Events, e => e.Action == "kek.rewrap" && e.Properties["rewrapped"] == "29");
        Assert.Equal(newKek, audit.Properties["keyEncryptionKeyId"]);
    }

    [Fact]
    public async Task RewrapAllAsync_KmsFailsMidway_ThrowsAndASecondRunFinishes()
    {
        for (var i = 0; i < 5; i++)
        {
            _host.Encryptor.Encrypt(i, EncryptionTestHost.Context(i.ToString()));
        }

        _host.Kek.Inner.Rotate();
        _host.Kek.Failure = new HttpRequestException("vault unreachable");

        var e = await Assert.ThrowsAsync<KeyManagementException>(async () => await _host.Keys.RewrapAllAsync());
        Assert.True(e.IsTransient);
        Assert.IsType<HttpRequestException>(e.InnerException);

        _host.Kek.Failure = null;
        var result = await _host.Keys.RewrapAllAsync();
        Assert.Equal(5, result.Rewrapped);
    }

    [Fact]
    public async Task Encrypt_KmsThrows_SpecificExceptionAndNothingStored()
    {
        _host.Kek.Failure = new TimeoutException("KMS timed out");

        var e = Assert.Throws<KeyManagementException>(() => _host.Encryptor.Encrypt(Canary, EncryptionTestHost.Context("ann")));

        Assert.Equal(_host.Kek.KeyId, e.KeyId);
        Assert.DoesNotContain(Canary, e.ToString(), StringComparison.Ordinal);
        Assert.Empty(await ToListAsync(_host.Store.ListAsync()));
        Assert.Empty(_host.Audit.Events);

        _host.Kek.Failure = null;
        Assert.Equal(Canary, _host.Encryptor.Decrypt<string>(_host.Encryptor.Encrypt(Canary, EncryptionTestHost.Context("ann")), EncryptionTestHost.Context("ann")));
    }

    [Fact]
    public void Logs_NameKeysAndEventIdsButNeverValuesScopesOrKeyBytes()
    {
        var context = EncryptionTestHost.Context("subject-canary-77");
        var ciphertext = _host.Encryptor.Encrypt(Canary, context);
        using var other = new EncryptionTestHost(_host.Store, _host.Kek);
        _host.Kek.Failure = new TimeoutException("KMS timed out");

        Assert.Throws<KeyManagementException>(() => other.Encryptor.Decrypt<string>(ciphertext, context));

        FieldCiphertext.TryGetKeyReference(ciphertext, out var key);
        var created = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == 2001);
        var failed = Assert.Single(other.Logs.Entries, e => e.EventId.Id == 2004);
        Assert.Contains(key.KeyId, created.Text, StringComparison.Ordinal);
        Assert.Contains(key.KeyId, failed.Text, StringComparison.Ordinal);
        foreach (var entry in _host.Logs.Entries.Concat(other.Logs.Entries))
        {
            Assert.DoesNotContain(Canary, entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("subject-canary-77", entry.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decrypt_KmsRefusesUnwrap_KeyManagementExceptionNotADecryptionFailure()
    {
        var context = EncryptionTestHost.Context("ann");
        var ciphertext = _host.Encryptor.Encrypt(Canary, context);
        using var other = new EncryptionTestHost(_host.Store, _host.Kek);
        _host.Kek.Failure = new KeyManagementException("denied", _host.Kek.KeyId);

        var e = Assert.Throws<KeyManagementException>(() => other.Encryptor.Decrypt<string>(ciphertext, context));

        Assert.Equal("denied", e.Message);
        await Assert.ThrowsAsync<KeyManagementException>(async () => await other.Encryptor.DecryptAsync<string>(ciphertext, context));

        // A failed unwrap is not cached: once the KMS answers again, the value decrypts.
        _host.Kek.Failure = null;
        Assert.Equal(Canary, other.Encryptor.Decrypt<string>(ciphertext, context));
    }

    [Fact]
    public async Task ConcurrentInstances_CreatingTheSameScope_OneKeyWinsAndBothReadEachOther()
    {
        using var second = new EncryptionTestHost(_host.Store, _host.Kek);
        var context = EncryptionTestHost.Context("race");
        _host.Kek.Delay = TimeSpan.FromMilliseconds(20);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(async () => await (i % 2 == 0 ? _host : second).Encryptor.EncryptAsync($"v{i}", context))));

        var records = await ToListAsync(_host.Store.ListAsync());
        Assert.Single(records);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"v{i}", _host.Encryptor.Decrypt<string>(results[i], context));
            Assert.Equal($"v{i}", second.Encryptor.Decrypt<string>(results[i], context));
        }
    }

    [Fact]
    public async Task SameKey_ManyConcurrentReaders_OneUnwrapInFlight()
    {
        var context = EncryptionTestHost.Context("ann");
        var ciphertext = _host.Encryptor.Encrypt(Canary, context);
        using var other = new EncryptionTestHost(_host.Store, _host.Kek);
        _host.Kek.Delay = TimeSpan.FromMilliseconds(50);
        var before = _host.Kek.Unwraps;

        var values = OnThreads(32, _ => other.Encryptor.Decrypt<string>(ciphertext, context));

        Assert.All(values, v => Assert.Equal(Canary, v));
        Assert.Equal(1, _host.Kek.Unwraps - before);
        Assert.Equal(1, other.Keys.CacheStatistics.Unwraps);
    }

    [Fact]
    public async Task ManyThreadsThousandsOfSubjectsSmallCache_NoErrorsAndUnwrapsWithinTheBound()
    {
        using var writer = new EncryptionTestHost(kek: _host.Kek, cacheSize: 64);
        const int Subjects = 3000;
        var ciphertexts = new byte[Subjects][];
        await Parallel.ForAsync(0, Subjects, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            ciphertexts[i] = await writer.Encryptor.EncryptAsync($"value-{i}", EncryptionTestHost.Context(i.ToString()), ct));
        using var reader = new EncryptionTestHost(writer.Store, _host.Kek, cacheSize: 64);

        var errors = 0;
        OnThreads(8, thread =>
        {
            var random = new Random(thread);
            for (var n = 0; n < 1500; n++)
            {
                var i = random.Next(Subjects);
                var context = EncryptionTestHost.Context(i.ToString());
                var fresh = reader.Encryptor.Encrypt($"value-{i}", context);
                if (reader.Encryptor.Decrypt<string>(ciphertexts[i], context) != $"value-{i}" ||
                    reader.Encryptor.Decrypt<string>(fresh, context) != $"value-{i}")
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return thread;
        });

        var statistics = reader.Keys.CacheStatistics;
        Assert.Equal(0, errors);
        Assert.True(statistics.Count <= 64, $"cache holds {statistics.Count}");
        Assert.True(statistics.Unwraps <= statistics.Misses, $"{statistics.Unwraps} unwraps for {statistics.Misses} misses");
        Assert.True(statistics.Evictions > 0);
        Assert.Equal(1, _host.Kek.MaxInFlightPerKey);
    }

    [Fact]
    public void Cache_OverCapacity_EvictsAndZeroesTheKeys()
    {
        using var host = new EncryptionTestHost(cacheSize: 2);
        host.Encryptor.Encrypt(1, EncryptionTestHost.Context("a"));
        var first = host.Manager.GetCurrentKey(EncryptionScope.ForSubject("a"));

        host.Encryptor.Encrypt(1, EncryptionTestHost.Context("b"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        host.Encryptor.Encrypt(1, EncryptionTestHost.Context("b"));
        host.Encryptor.Encrypt(1, EncryptionTestHost.Context("c"));

        Assert.True(first.IsZeroed);
        Assert.Null(first.Rent());
        Assert.Equal(2, host.Keys.CacheStatistics.Count);
        Assert.Equal(1, host.Keys.CacheStatistics.Evictions);
    }

    [Fact]
    public void Cache_AfterTheLifetime_UnwrapsAgainAndZeroesTheExpiredKey()
    {
        var context = EncryptionTestHost.Context("ann");
        var ciphertext = _host.Encryptor.Encrypt(Canary, context);
        using var reader = new EncryptionTestHost(_host.Store, _host.Kek, cacheLifetime: TimeSpan.FromSeconds(30), time: _host.Time);
        reader.Encryptor.Decrypt<string>(ciphertext, context);
        FieldCiphertext.TryGetKeyReference(ciphertext, out var key);
        DataKeyId.TryParse(key.KeyId, key.Version, out var id);
        var cached = reader.Manager.GetKey(id).Key!;

        reader.Encryptor.Decrypt<string>(ciphertext, context);
        Assert.Equal(1, reader.Keys.CacheStatistics.Unwraps);

        _host.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(cached.IsZeroed);
        Assert.Equal(Canary, reader.Encryptor.Decrypt<string>(ciphertext, context));
        Assert.Equal(2, reader.Keys.CacheStatistics.Unwraps);
    }

    [Fact]
    public async Task ShredAsync_ReservedOrEmptyScope_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await _host.Keys.ShredAsync("privacykit:blind-index-root"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await _host.Keys.ShredAsync(""));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _host.Keys.RotateDataKeyAsync(null!));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on dedicated threads, which block synchronously the way EF Core's
    /// materialisation does, without starving the thread pool that completes the key loads.
    /// </summary>
    private static T[] OnThreads<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return failures.IsEmpty ? results : throw new AggregateException(failures);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
