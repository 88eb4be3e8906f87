namespace PrivacyKit.Consent;

/// <summary>Derives the current consent state from a subject's history. Pure: the same history and time give the same decision.</summary>
internal static class ConsentEvaluator
{
    public static ConsentDecision Evaluate(ConsentPurpose purpose, IReadOnlyList<ConsentRecord> history, DateTimeOffset now)
    {
        if (purpose.IsSaleOrSharing && IsOptedOutOfSaleOrSharing(history))
        {
            return Decision(purpose, ConsentDecisionReason.OptedOutOfSaleOrSharing, null);
        }

        if (purpose.LawfulBasis != LawfulBasis.Consent)
        {
            return Decision(purpose, ConsentDecisionReason.NotRequired, null);
        }

        var last = Last(history, r => r.PurposeId is not null && string.Equals(r.PurposeId, purpose.Id, StringComparison.Ordinal) &&
                                      r.Kind is ConsentEventKind.Granted or ConsentEventKind.Withdrawn or ConsentEventKind.Denied or ConsentEventKind.Expired);
        if (last is null)
        {
            return Decision(purpose, ConsentDecisionReason.NoRecord, null);
        }

        var reason = last.Kind switch
        {
            ConsentEventKind.Withdrawn or ConsentEventKind.Denied => ConsentDecisionReason.Withdrawn,
            ConsentEventKind.Expired => ConsentDecisionReason.Expired,
            _ when last.ExpiresAt is { } expiresAt && expiresAt <= now => ConsentDecisionReason.Expired,
            _ when !string.Equals(last.PolicyVersion, purpose.PolicyVersion, StringComparison.Ordinal) => ConsentDecisionReason.PolicyVersionChanged,
            _ => ConsentDecisionReason.Granted,
        };
        return Decision(purpose, reason, last);
    }

    public static bool IsOptedOutOfSaleOrSharing(IReadOnlyList<ConsentRecord> history) =>
        Last(history, r => r.Kind is ConsentEventKind.OptedOutOfSaleOrSharing or ConsentEventKind.OptedInToSaleOrSharing)?.Kind ==
        ConsentEventKind.OptedOutOfSaleOrSharing;

    /// <summary>The applicable record that happened last; records at the same instant are ordered by append order.</summary>
    public static ConsentRecord? Last(IReadOnlyList<ConsentRecord> history, Func<ConsentRecord, bool> applies)
    {
        ConsentRecord? last = null;
        foreach (var record in history)
        {
            if (applies(record) && (last is null || record.OccurredAt >= last.OccurredAt))
            {
                last = record;
            }
        }

        return last;
    }

    private static ConsentDecision Decision(ConsentPurpose purpose, ConsentDecisionReason reason, ConsentRecord? last) => new()
    {
        PurposeId = purpose.Id,
        Reason = reason,
        LastEvent = last?.Kind,
        LastEventAt = last?.OccurredAt,
        ConsentedPolicyVersion = last?.Kind == ConsentEventKind.Granted ? last.PolicyVersion : null,
        CurrentPolicyVersion = purpose.PolicyVersion,
        ExpiresAt = last?.Kind == ConsentEventKind.Granted ? last.ExpiresAt : null,
    };
}
