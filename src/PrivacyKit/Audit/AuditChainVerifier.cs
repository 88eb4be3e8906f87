using System.Globalization;

namespace PrivacyKit.Audit;

/// <summary>
/// Walks the records of any <see cref="IAuditReader"/> and checks every instance's hash chain: each record's
/// HMAC, its sequence number and its link to the previous record, and the checkpoints kept elsewhere. It names
/// the first record of each chain that was altered, removed, inserted or reordered, records cut from the end
/// after a checkpoint, and torn writes left by a crash.
/// </summary>
/// <remarks>Thread-safe: each call uses its own state. Reads the storage once, and a second time from the first problem on.</remarks>
public sealed class AuditChainVerifier
{
    private readonly IAuditKeyProvider _keys;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="keys">The keys the records were signed with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is <see langword="null"/>.</exception>
    public AuditChainVerifier(IAuditKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Verifies every chain a reader holds.</summary>
    /// <param name="reader">The sink to read back.</param>
    /// <param name="checkpoints">Checkpoints exported earlier (any instance); may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The chains found and their first problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuditException">The storage cannot be read.</exception>
    public async ValueTask<AuditVerificationResult> VerifyAsync(
        IAuditReader reader, IEnumerable<AuditCheckpoint>? checkpoints = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var expected = new Dictionary<(string, long), string>();
        foreach (var cp in checkpoints ?? [])
        {
            expected[(cp.InstanceId, cp.Sequence)] = cp.Hash;
        }

        var signers = new Dictionary<string, AuditChainSigner?>(StringComparer.Ordinal);
        var chains = new Dictionary<string, ChainState>(StringComparer.Ordinal);
        var issues = new List<AuditVerificationIssue>();
        long position = -1, count = 0;
        try
        {
            await foreach (var entry in reader.ReadStoredAsync(cancellationToken).ConfigureAwait(false))
            {
                position++;
                if (entry.Record is not { } record)
                {
                    issues.Add(entry.IsTornTail
                        ? new(AuditIssueKind.TornWrite, null, position, 0, entry.Location, "An incomplete last write left by a crash; the records before it are intact.")
                        : new(AuditIssueKind.Altered, null, position, 0, entry.Location, $"The entry cannot be read as a record ({entry.Damage})."));
                    continue;
                }

                count++;
                if (!chains.TryGetValue(record.InstanceId, out var chain))
                {
                    chains[record.InstanceId] = chain = new ChainState();
                }

                if (chain.Broken)
                {
                    continue;
                }

                var signer = Signer(signers, record.KeyId);
                if (signer is null)
                {
                    chain.Broken = true;
                    issues.Add(new(AuditIssueKind.UnknownKey, record.InstanceId, position, chain.Sequence + 1, entry.Location,
                        $"The record is signed with key id '{record.KeyId}', which the key provider does not know."));
                    continue;
                }

                var authentic = signer.IsAuthentic(record);
                if (authentic && record.Sequence == chain.Sequence + 1 && string.Equals(record.PreviousHash, chain.Hash, StringComparison.Ordinal))
                {
                    chain.Sequence = record.Sequence;
                    chain.Hash = record.Hash;
                    chain.Timestamp = record.Event.Timestamp;
                    if (expected.TryGetValue((record.InstanceId, record.Sequence), out var hash) && !string.Equals(hash, record.Hash, StringComparison.Ordinal))
                    {
                        chain.Broken = true;
                        issues.Add(new(AuditIssueKind.CheckpointMismatch, record.InstanceId, position, record.Sequence, entry.Location,
                            "The record's hash differs from the checkpoint taken at its sequence: the chain was rewritten."));
                    }

                    continue;
                }

                chain.Broken = true;
                var kind = await ClassifyAsync(reader, position, record, authentic, chain, cancellationToken).ConfigureAwait(false);
                issues.Add(new(kind, record.InstanceId, position, chain.Sequence + 1, entry.Location, Describe(kind, chain.Sequence + 1)));
            }
        }
        finally
        {
            foreach (var signer in signers.Values)
            {
                signer?.Dispose();
            }
        }

        foreach (var ((instance, sequence), _) in expected)
        {
            chains.TryGetValue(instance, out var chain);
            if (chain is { Broken: true })
            {
                continue;
            }

            var last = chain?.Sequence ?? 0;
            if (last < sequence)
            {
                (chains[instance] = chain ?? new ChainState()).Broken = true;
                issues.Add(new(AuditIssueKind.TruncatedTail, instance, -1, last + 1, null, string.Create(CultureInfo.InvariantCulture,
                    $"The chain ends at sequence {last} but a checkpoint vouches for sequence {sequence}: records were removed from its end.")));
            }
        }

        var heads = chains.Where(c => c.Value.Sequence > 0)
            .ToDictionary(c => c.Key, c => new AuditCheckpoint(c.Key, c.Value.Sequence, c.Value.Hash, c.Value.Timestamp), StringComparer.Ordinal);
        return new AuditVerificationResult(issues, heads, count);
    }

    private AuditChainSigner? Signer(Dictionary<string, AuditChainSigner?> signers, string keyId)
    {
        if (!signers.TryGetValue(keyId, out var signer))
        {
            try
            {
                signer = new AuditChainSigner(keyId, _keys.GetChainKey(keyId).Span);
            }
            catch (AuditException)
            {
                signer = null;
            }

            signers[keyId] = signer;
        }

        return signer;
    }

    /// <summary>
    /// Tells what kind of change explains the first record that does not continue the chain, by looking at the
    /// records of the same chain after it.
    /// </summary>
    private static async ValueTask<AuditIssueKind> ClassifyAsync(
        IAuditReader reader, long position, AuditRecord record, bool authentic, ChainState chain, CancellationToken cancellationToken)
    {
        var expected = chain.Sequence + 1;
        AuditRecord? next = null;
        bool expectedLater = false, sameSequenceLater = false;
        long index = -1;
        await foreach (var entry in reader.ReadStoredAsync(cancellationToken).ConfigureAwait(false))
        {
            if (++index <= position || entry.Record is not { } later || !string.Equals(later.InstanceId, record.InstanceId, StringComparison.Ordinal))
            {
                continue;
            }

            next ??= later;
            expectedLater |= later.Sequence == expected;
            sameSequenceLater |= later.Sequence == record.Sequence;
        }

        var nextContinues = next is not null && next.Sequence == expected && string.Equals(next.PreviousHash, chain.Hash, StringComparison.Ordinal);
        if (!authentic)
        {
            // A forged record followed by the record the chain expects was inserted; otherwise this record was altered.
            if (nextContinues)
            {
                return AuditIssueKind.Inserted;
            }

            var inPlace = record.Sequence == expected && string.Equals(record.PreviousHash, chain.Hash, StringComparison.Ordinal);
            var linked = next is not null && string.Equals(next.PreviousHash, record.Hash, StringComparison.Ordinal);
            return inPlace || linked ? AuditIssueKind.Altered : AuditIssueKind.Inserted;
        }

        if (record.Sequence == expected)
        {
            return AuditIssueKind.Altered; // authentic but linked elsewhere: only a key holder can make this
        }

        if (record.Sequence < expected || sameSequenceLater)
        {
            return AuditIssueKind.Inserted; // a second copy of a genuine record
        }

        return expectedLater ? AuditIssueKind.Reordered : AuditIssueKind.Removed;
    }

    private static string Describe(AuditIssueKind kind, long expected) => kind switch
    {
        AuditIssueKind.Altered => string.Create(CultureInfo.InvariantCulture, $"The record where sequence {expected} was expected does not match its HMAC or link: it was altered."),
        AuditIssueKind.Inserted => string.Create(CultureInfo.InvariantCulture, $"A record that is not part of the chain was inserted before sequence {expected}."),
        AuditIssueKind.Reordered => string.Create(CultureInfo.InvariantCulture, $"Records are out of order: sequence {expected} is stored later."),
        _ => string.Create(CultureInfo.InvariantCulture, $"Records from sequence {expected} on are missing here."),
    };

    private sealed class ChainState
    {
        public long Sequence { get; set; }

        public string Hash { get; set; } = new('0', AuditCanonicalEncoding.HashSize * 2);

        public DateTimeOffset Timestamp { get; set; }

        public bool Broken { get; set; }
    }
}
