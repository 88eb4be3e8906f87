namespace PrivacyKit.Audit;

/// <summary>
/// Chains and signs audit events into <see cref="AuditRecord"/>s with the byte layout of docs/audit-format.md, for
/// stores that allocate sequence numbers themselves (for instance inside the application's database transaction, as
/// the EF Core audit store does). The records are the ones the core pipeline writes, so
/// <see cref="AuditChainVerifier"/> checks them.
/// </summary>
/// <remarks>Not thread-safe: use one instance per writer. Dispose it to release the HMAC state.</remarks>
public sealed class AuditRecordSigner : IDisposable
{
    /// <summary>The previous-record hash of the first record of a chain: 32 zero bytes in lower-case hex.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly AuditChainSigner _signer;

    /// <summary>Creates a signer with the provider's current chain key.</summary>
    /// <param name="keys">The audit key provider (the one <c>ConfigureAudit</c> set up).</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is <see langword="null"/>.</exception>
    public AuditRecordSigner(IAuditKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var keyId = keys.CurrentChainKeyId;
        _signer = new AuditChainSigner(keyId, keys.GetChainKey(keyId).Span);
    }

    /// <summary>The id of the chain key the records are signed with.</summary>
    public string KeyId => _signer.KeyId;

    /// <summary>Places <paramref name="auditEvent"/> after the record whose hash is <paramref name="previousHash"/>.</summary>
    /// <param name="chainId">The chain (instance) id.</param>
    /// <param name="sequence">The record's sequence number in the chain, from 1.</param>
    /// <param name="previousHash">The previous record's hash, or <see cref="GenesisHash"/> for the first record.</param>
    /// <param name="auditEvent">The event.</param>
    /// <returns>The signed record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chainId"/>, <paramref name="previousHash"/> or <paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="previousHash"/> is not 64 lower-case hex digits.</exception>
    public AuditRecord Chain(string chainId, long sequence, string previousHash, AuditEvent auditEvent)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainId);
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Span<byte> previous = stackalloc byte[AuditCanonicalEncoding.HashSize];
        if (!AuditChainSigner.TryDecodeHash(previousHash, previous))
        {
            throw new ArgumentException("The previous hash must be 64 lower-case hex digits (a record's Hash, or GenesisHash).", nameof(previousHash));
        }

        Span<byte> hash = stackalloc byte[AuditCanonicalEncoding.HashSize];
        _signer.Sign(chainId, sequence, previous, auditEvent, hash);
        return new AuditRecord
        {
            InstanceId = chainId,
            Sequence = sequence,
            KeyId = KeyId,
            PreviousHash = previousHash,
            Hash = Convert.ToHexStringLower(hash),
            Event = auditEvent,
        };
    }

    /// <inheritdoc />
    public void Dispose() => _signer.Dispose();
}
