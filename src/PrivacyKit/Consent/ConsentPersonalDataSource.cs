using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Context;
using PrivacyKit.Internal;
using PrivacyKit.Requests;

namespace PrivacyKit.Consent;

/// <summary>
/// Makes the consent history part of data subject requests: an access or portability request exports it
/// (it becomes the package's consent history), an erasure withdraws every active consent and then keeps or
/// removes the history as <see cref="ConsentOptions.ErasureEvidence"/> says, an opt-out of sale or sharing
/// records the opt-out, and an objection withdraws the consents it names.
/// </summary>
internal sealed class ConsentPersonalDataSource(
    IConsentService consent,
    IConsentStore store,
    IOptions<ConsentOptions> options,
    IPrivacyContextAccessor contextAccessor,
    TimeProvider timeProvider,
    ILogger<ConsentPersonalDataSource> logger) : IPersonalDataSource
{
    public const string SourceName = "privacykit.consent";
    public const string EntityType = "ConsentRecord";

    internal const string RetainedReason = "consent evidence kept as proof of lawful processing (GDPR Art. 7(1))";

    private static readonly string[] FieldNames =
        ["purpose", "decision", "occurredAt", "expiresAt", "policyVersion", "policyTextHash", "source", "proofReference"];

    private readonly ConsentErasureEvidence _evidence = options.Value.ErasureEvidence;

    public string Name => SourceName;

    public async ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var history = await HistoryAsync(context.SubjectId, cancellationToken).ConfigureAwait(false);
        return history.Count == 0
            ? []
            : [new PersonalDataLocation { EntityType = EntityType, Category = PersonalDataRecord.ConsentCategory, Fields = FieldNames, RecordCount = history.Count }];
    }

    public async ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var history = await HistoryAsync(context.SubjectId, cancellationToken).ConfigureAwait(false);
        return new PersonalDataExport { Records = [.. history.Select(ToExportRecord)] };
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(
        PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entityTypes);
        if (!entityTypes.Contains(EntityType, StringComparer.Ordinal))
        {
            return [];
        }

        // Check the capability before changing anything, so a misconfiguration never leaves half an erasure.
        var eraser = _evidence == ConsentErasureEvidence.Remove
            ? store as IConsentHistoryEraser ?? throw Error.ConsentHistoryNotRemovable(store.GetType())
            : null;

        var withdrawn = await WithdrawActiveAsync(context, scope: [], cancellationToken).ConfigureAwait(false);
        PersonalDataAction action;
        int count;
        string reason;
        if (eraser is null)
        {
            (action, count) = (PersonalDataAction.Retained, (await HistoryAsync(context.SubjectId, cancellationToken).ConfigureAwait(false)).Count);
            reason = $"{RetainedReason}; {withdrawn} active consents withdrawn";
            ConsentLog.ErasureKeptHistory(logger, context.RequestId, withdrawn, count);
        }
        else
        {
            (action, count) = (PersonalDataAction.Deleted, await eraser.RemoveHistoryAsync(context.SubjectId, cancellationToken).ConfigureAwait(false));
            reason = $"consent history removed (ConsentOptions.ErasureEvidence = Remove); {withdrawn} active consents withdrawn first";
            ConsentLog.ErasureRemovedHistory(logger, context.RequestId, withdrawn, count);
        }

        return [new PersonalDataChange { EntityType = EntityType, Action = action, RecordCount = count, Reason = reason }];
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(
        PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        // The consent history is append-only evidence: it is never corrected, only added to by new consent events.
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(corrections);
        return ValueTask.FromResult<IReadOnlyList<PersonalDataChange>>([]);
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Kind)
        {
            case SubjectRequestKind.OptOutOfSale:
                using (ActingForRequest())
                {
                    await consent.OptOutOfSaleOrSharingAsync(context.SubjectId, ConsentSource.Api, ProofReference(context), cancellationToken).ConfigureAwait(false);
                }

                var saleOrSharing = consent.Purposes.Where(p => p.IsSaleOrSharing).Select(p => p.Id).ToArray();
                return [new PersonalDataChange { EntityType = EntityType, Action = PersonalDataAction.Restricted, RecordCount = 1, Fields = saleOrSharing }];

            case SubjectRequestKind.Objection:
                var objected = await WithdrawActiveAsync(context, context.Scope, cancellationToken).ConfigureAwait(false);
                return objected == 0
                    ? []
                    : [new PersonalDataChange { EntityType = EntityType, Action = PersonalDataAction.Restricted, RecordCount = objected, Reason = $"{objected} active consents withdrawn" }];

            default:
                return [];
        }
    }

    /// <summary>Withdraws every unexpired grant of a registered purpose (in the scope, or all when it is empty).</summary>
    private async ValueTask<int> WithdrawActiveAsync(PersonalDataSourceContext context, IReadOnlyList<string> scope, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(context.SubjectId, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var withdrawn = 0;
        using var acting = ActingForRequest();
        foreach (var purpose in consent.Purposes)
        {
            if (scope.Count > 0 && !scope.Contains(purpose.Id, StringComparer.Ordinal))
            {
                continue;
            }

            var last = ConsentEvaluator.Last(history, r => string.Equals(r.PurposeId, purpose.Id, StringComparison.Ordinal) &&
                                                           r.Kind is ConsentEventKind.Granted or ConsentEventKind.Withdrawn or ConsentEventKind.Denied or ConsentEventKind.Expired);
            if (last is { Kind: ConsentEventKind.Granted } && (last.ExpiresAt is null || last.ExpiresAt > now))
            {
                await consent.WithdrawAsync(context.SubjectId, purpose.Id, ConsentSource.Api, ProofReference(context), cancellationToken).ConfigureAwait(false);
                withdrawn++;
            }
        }

        return withdrawn;
    }

    private async ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(string subjectId, CancellationToken cancellationToken)
    {
        var history = await consent.GetHistoryAsync(subjectId, cancellationToken).ConfigureAwait(false);

        // A store bug must never put another subject's records into this subject's answer.
        return history.All(r => string.Equals(r.SubjectId, subjectId, StringComparison.Ordinal))
            ? history
            : [.. history.Where(r => string.Equals(r.SubjectId, subjectId, StringComparison.Ordinal))];
    }

    /// <summary>
    /// Consent changes are audited with the current actor. The executor runs sources without a privacy context of its
    /// own, so changes made for a request are attributed to the system unless the caller pushed one.
    /// </summary>
    private IDisposable? ActingForRequest() =>
        contextAccessor.Current is null ? contextAccessor.Push(new PrivacyContext(PrivacyActor.System)) : null;

    private static string ProofReference(PersonalDataSourceContext context) => "subject-request:" + context.RequestId;

    private static PersonalDataRecord ToExportRecord(ConsentRecord record) => new()
    {
        EntityType = EntityType,
        Category = PersonalDataRecord.ConsentCategory,
        RecordId = record.Id,
        Fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["purpose"] = record.PurposeId,
            ["decision"] = CamelCase(record.Kind.ToString()),
            ["occurredAt"] = Iso(record.OccurredAt),
            ["expiresAt"] = record.ExpiresAt is { } expiresAt ? Iso(expiresAt) : null,
            ["policyVersion"] = record.PolicyVersion,
            ["policyTextHash"] = record.PolicyTextHash,
            ["source"] = CamelCase(record.Source.ToString()),
            ["proofReference"] = record.ProofReference,
        },
    };

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
