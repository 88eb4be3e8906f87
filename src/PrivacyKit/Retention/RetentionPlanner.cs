using Microsoft.Extensions.Options;
using PrivacyKit.Classification;

namespace PrivacyKit.Retention;

internal sealed class RetentionPlanner(IDataMapProvider dataMap, IOptions<RetentionOptions> options, ILegalHoldStore holds) : IRetentionPlanner
{
    private IReadOnlyList<RetentionPolicy>? _policies;
    private ILookup<string, RetentionPolicy>? _byEntity;

    public IReadOnlyList<RetentionPolicy> Policies => _policies ??= RetentionPolicies.Merge(dataMap.GetDataMap(), options.Value);

    private ILookup<string, RetentionPolicy> ByEntity => _byEntity ??= Policies.ToLookup(p => p.EntityType, StringComparer.Ordinal);

    public IReadOnlyList<RetentionPolicy> GetPolicies(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return [.. ByEntity[entityType]];
    }

    public async ValueTask<RetentionPlan> PlanAsync(DateTimeOffset asOf, IAsyncEnumerable<RetentionCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var due = new List<RetentionPlanItem>();
        var held = new List<RetentionPlanItem>();
        var holdsBySubject = new Dictionary<string, IReadOnlyList<LegalHold>>(StringComparer.Ordinal);
        var expired = new List<RetentionPlanItem>();
        await foreach (var candidate in candidates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(candidates));
            expired.Clear();
            Expired(candidate, asOf, expired);
            if (expired.Count == 0)
            {
                continue;
            }

            IReadOnlyList<LegalHold> active = [];
            if (candidate.SubjectId is { } subject)
            {
                if (!holdsBySubject.TryGetValue(subject, out var cached))
                {
                    cached = await holds.GetActiveAsync(subject, cancellationToken).ConfigureAwait(false);
                    holdsBySubject[subject] = cached;
                }

                active = cached;
            }

            foreach (var item in expired)
            {
                // Shredding the subject's key makes all their encrypted data unreadable, so any active
                // hold on the subject suspends it; other actions only stop for holds covering the entity.
                var holdIds = active
                    .Where(h => item.Action == RetentionAction.ShredKey ? h.IsActive : h.Covers(candidate.EntityType))
                    .Select(h => h.Id)
                    .ToList();
                if (holdIds.Count == 0)
                {
                    due.Add(item);
                }
                else
                {
                    held.Add(item with { HoldIds = holdIds });
                }
            }
        }

        return new RetentionPlan { AsOf = asOf, Due = due, Held = held };
    }

    private void Expired(RetentionCandidate candidate, DateTimeOffset asOf, List<RetentionPlanItem> expired)
    {
        RetentionPlanItem? recordAction = null;
        foreach (var policy in ByEntity[candidate.EntityType])
        {
            if (!candidate.Timestamps.TryGetValue(policy.From, out var stamp) || stamp is null)
            {
                continue;
            }

            DateTimeOffset expiresAt;
            try
            {
                expiresAt = policy.ExpiresAt(stamp.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue; // expires beyond year 9999: never in practice
            }

            if (expiresAt > asOf)
            {
                continue;
            }

            var item = new RetentionPlanItem
            {
                EntityType = candidate.EntityType,
                Key = candidate.Key,
                SubjectId = candidate.SubjectId,
                Property = policy.Property,
                Action = policy.Action,
                ExpiredAt = expiresAt,
                Policy = policy,
            };
            if (policy.Property is null)
            {
                recordAction = item;
            }
            else
            {
                expired.Add(item);
            }
        }

        if (recordAction is not null)
        {
            // When the whole record is deleted, anonymising its fields first is pointless.
            if (recordAction.Action == RetentionAction.Delete)
            {
                expired.Clear();
            }

            expired.Insert(0, recordAction);
        }
    }
}
