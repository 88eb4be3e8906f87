using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Internal;

namespace PrivacyKit.Consent;

internal sealed class ConsentService : IConsentService
{
    private readonly IConsentStore _store;
    private readonly IAuditTrail _audit;
    private readonly IPrivacyContextAccessor _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ConsentPurpose> _byId;
    private readonly ConsentDecisionCache _cache;
    // Cache key of the subject-wide sale-or-sharing state; no purpose id can start with a NUL.
    private const string SaleOrSharingKey = "\0sale-or-sharing";

    private readonly SemaphoreSlim[] _subjectLocks = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public ConsentService(
        IConsentStore store,
        IAuditTrail audit,
        IOptions<ConsentOptions> options,
        TimeProvider time,
        ILogger<ConsentService> logger,
        IPrivacyContextAccessor context)
    {
        _store = store;
        _audit = audit;
        _context = context;
        _time = time;
        _logger = logger;
        var o = options.Value;
        Purposes = [.. o.Purposes];
        _byId = Purposes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _cache = new ConsentDecisionCache(time, o.DecisionCacheLifetime, o.MaxCachedSubjects);
    }

    public IReadOnlyList<ConsentPurpose> Purposes { get; }

    public ConsentPurpose GetPurpose(string purposeId)
    {
        ArgumentNullException.ThrowIfNull(purposeId);
        return _byId.TryGetValue(purposeId, out var purpose) ? purpose : throw Error.UnknownPurpose(purposeId);
    }

    public async ValueTask<ConsentDecision> CheckAsync(string subjectId, string purposeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        var purpose = GetPurpose(purposeId);
        if (_cache.TryGet(subjectId, purposeId, out var cached))
        {
            return cached;
        }

        var generation = _cache.Generation(subjectId);
        var history = await _store.GetHistoryAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var decision = ConsentEvaluator.Evaluate(purpose, history, _time.GetUtcNow());
        _cache.Set(subjectId, generation, decision);
        return decision;
    }

    public ValueTask<ConsentRecord> GrantAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default) =>
        RecordPurposeEventAsync(subjectId, purposeId, ConsentEventKind.Granted, source, proofReference, cancellationToken);

    public ValueTask<ConsentRecord> WithdrawAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default) =>
        RecordPurposeEventAsync(subjectId, purposeId, ConsentEventKind.Withdrawn, source, proofReference, cancellationToken);

    public ValueTask<ConsentRecord> DenyAsync(string subjectId, string purposeId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default) =>
        RecordPurposeEventAsync(subjectId, purposeId, ConsentEventKind.Denied, source, proofReference, cancellationToken);

    public ValueTask<bool> OptOutOfSaleOrSharingAsync(string subjectId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default) =>
        SetSaleOrSharingAsync(subjectId, optOut: true, source, proofReference, cancellationToken);

    public ValueTask<bool> OptInToSaleOrSharingAsync(string subjectId, ConsentSource source, string? proofReference = null, CancellationToken cancellationToken = default) =>
        SetSaleOrSharingAsync(subjectId, optOut: false, source, proofReference, cancellationToken);

    public async ValueTask ImportAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Id, nameof(record));
        ArgumentException.ThrowIfNullOrEmpty(record.SubjectId, nameof(record));
        CheckSource(record.Source);
        if (!Enum.IsDefined(record.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Not a defined ConsentEventKind.");
        }

        var saleOrSharing = record.Kind is ConsentEventKind.OptedOutOfSaleOrSharing or ConsentEventKind.OptedInToSaleOrSharing;
        if (saleOrSharing != (record.PurposeId is null))
        {
            throw Error.ImportedRecordPurposeMismatch(record.Kind, nameof(record));
        }

        if (record.PurposeId is not null)
        {
            GetPurpose(record.PurposeId);
        }

        await AppendAndAuditAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> IsOptedOutOfSaleOrSharingAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        if (_cache.TryGet(subjectId, SaleOrSharingKey, out var cached))
        {
            return cached.Reason == ConsentDecisionReason.OptedOutOfSaleOrSharing;
        }

        var generation = _cache.Generation(subjectId);
        var history = await _store.GetHistoryAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var optedOut = ConsentEvaluator.IsOptedOutOfSaleOrSharing(history);
        CacheSaleOrSharing(subjectId, generation, optedOut);
        return optedOut;
    }

    public ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        return _store.GetHistoryAsync(subjectId, cancellationToken);
    }

    public async ValueTask<ConsentReceipt> GetReceiptAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        var history = await _store.GetHistoryAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return new ConsentReceipt
        {
            SubjectId = subjectId,
            IssuedAt = now,
            IsOptedOutOfSaleOrSharing = ConsentEvaluator.IsOptedOutOfSaleOrSharing(history),
            Purposes = [.. Purposes.Select(p => new ConsentReceiptItem
            {
                Purpose = p,
                Decision = ConsentEvaluator.Evaluate(p, history, now),
                LastGrant = ConsentEvaluator.Last(history, r => r.Kind == ConsentEventKind.Granted && string.Equals(r.PurposeId, p.Id, StringComparison.Ordinal)),
            })],
            History = history,
        };
    }

    private async ValueTask<ConsentRecord> RecordPurposeEventAsync(
        string subjectId, string purposeId, ConsentEventKind kind, ConsentSource source, string? proofReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        CheckSource(source);
        var purpose = GetPurpose(purposeId);
        var now = _time.GetUtcNow();
        var record = new ConsentRecord
        {
            Id = NewId(now),
            SubjectId = subjectId,
            PurposeId = purpose.Id,
            Kind = kind,
            OccurredAt = now,
            PolicyVersion = purpose.PolicyVersion,
            PolicyTextHash = purpose.PolicyTextHash,
            Source = source,
            ProofReference = proofReference,
            ExpiresAt = kind == ConsentEventKind.Granted && purpose.ConsentLifetime is { } lifetime ? now + lifetime : null,
        };
        await AppendAndAuditAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async ValueTask<bool> SetSaleOrSharingAsync(string subjectId, bool optOut, ConsentSource source, string? proofReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        CheckSource(source);
        var kind = optOut ? ConsentEventKind.OptedOutOfSaleOrSharing : ConsentEventKind.OptedInToSaleOrSharing;

        // A Global Privacy Control signal arrives on every request: answer repeats from the cache.
        if (_cache.TryGet(subjectId, SaleOrSharingKey, out var cached) &&
            (cached.Reason == ConsentDecisionReason.OptedOutOfSaleOrSharing) == optOut)
        {
            ConsentLog.SaleOrSharingUnchanged(_logger, kind);
            return false;
        }

        // Serialise per subject on this instance so concurrent signals record one event.
        var gate = _subjectLocks[(StringComparer.Ordinal.GetHashCode(subjectId) & int.MaxValue) % _subjectLocks.Length];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var generation = _cache.Generation(subjectId);
            var history = await _store.GetHistoryAsync(subjectId, cancellationToken).ConfigureAwait(false);
            if (ConsentEvaluator.IsOptedOutOfSaleOrSharing(history) == optOut)
            {
                CacheSaleOrSharing(subjectId, generation, optOut);
                ConsentLog.SaleOrSharingUnchanged(_logger, kind);
                return false;
            }

            var now = _time.GetUtcNow();
            await AppendAndAuditAsync(
                new ConsentRecord
                {
                    Id = NewId(now),
                    SubjectId = subjectId,
                    Kind = kind,
                    OccurredAt = now,
                    Source = source,
                    ProofReference = proofReference,
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask AppendAndAuditAsync(ConsentRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Drop cached decisions even if the append failed half-way: a re-read is always safe.
            _cache.Invalidate(record.SubjectId);
        }

        ConsentLog.ConsentRecorded(_logger, record.Kind, record.PurposeId, record.Source, record.Id);
        var context = _context.Current;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["consentRecordId"] = record.Id,
            ["source"] = record.Source.ToString(),
        };
        if (record.PolicyVersion is not null)
        {
            properties["policyVersion"] = record.PolicyVersion;
        }

        await _audit.RecordAsync(
            new AuditEvent
            {
                Kind = AuditEventKind.ConsentChanged,
                Action = ActionName(record.Kind),
                ActorId = context?.Actor.Id,
                ActorRoles = context?.Actor.Roles ?? [],
                OnBehalfOf = context?.Actor.OnBehalfOf,
                SubjectId = record.SubjectId,
                ResourceType = "Consent",
                ResourceId = record.Id,
                Purpose = record.PurposeId,
                Outcome = AuditOutcome.Success,
                Timestamp = record.OccurredAt,
                CorrelationId = context?.CorrelationId,
                Properties = properties,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private void CacheSaleOrSharing(string subjectId, object generation, bool optedOut) =>
        _cache.Set(subjectId, generation, new ConsentDecision
        {
            PurposeId = SaleOrSharingKey,
            Reason = optedOut ? ConsentDecisionReason.OptedOutOfSaleOrSharing : ConsentDecisionReason.NotRequired,
        });

    private static string ActionName(ConsentEventKind kind) => kind switch
    {
        ConsentEventKind.Granted => "consent.grant",
        ConsentEventKind.Withdrawn => "consent.withdraw",
        ConsentEventKind.Denied => "consent.deny",
        ConsentEventKind.Expired => "consent.expire",
        ConsentEventKind.OptedOutOfSaleOrSharing => "consent.sale-sharing.opt-out",
        _ => "consent.sale-sharing.opt-in",
    };

    private static void CheckSource(ConsentSource source)
    {
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a defined ConsentSource.");
        }
    }

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
