using Microsoft.Extensions.Logging;
using PrivacyKit.Context;
using PrivacyKit.Internal;

namespace PrivacyKit.Requests;

/// <summary>The request workflow over an <see cref="ISubjectRequestStore"/>.</summary>
internal sealed class SubjectRequestService(
    ISubjectRequestStore store,
    ISubjectIdentityVerifier verifier,
    RequestDeadlineCalculator deadlines,
    RequestAuditor auditor,
    SubjectRequestInstruments instruments,
    TimeProvider timeProvider,
    ILogger<SubjectRequestService> logger) : ISubjectRequestService
{
    private const int MaxAttempts = 8;

    public async ValueTask<SubjectRequest> SubmitAsync(SubjectRequestSubmission submission, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        Validate(submission, now);

        var receivedAt = submission.ReceivedAt ?? now;
        var (dueAt, confirmBy, optOutBy) = deadlines.Compute(submission.Kind, submission.Regime, receivedAt);
        var request = new SubjectRequest
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Kind = submission.Kind,
            Regime = submission.Regime,
            SubjectId = submission.SubjectId,
            TenantId = submission.TenantId,
            Channel = submission.Channel,
            Scope = [.. submission.Scope],
            Corrections = [.. submission.Corrections],
            ReceivedAt = receivedAt,
            ReceivedBy = actor.Id,
            Status = SubjectRequestStatus.Received,
            DueAt = dueAt,
            ReceiptConfirmationDueAt = confirmBy,
            OptOutDueAt = optOutBy,
            Version = 1,
        };
        request = request with { NextDueAt = SubjectRequestStateMachine.NextDue(request) };
        var transition = new SubjectRequestTransition
        {
            RequestId = request.Id,
            Sequence = 1,
            Command = SubjectRequestCommand.Submit,
            From = SubjectRequestStatus.Received,
            To = SubjectRequestStatus.Received,
            At = now,
            ActorId = actor.Id,
            Reason = $"received by {submission.Channel}",
        };

        await store.AddAsync(request, transition, cancellationToken).ConfigureAwait(false);
        await CommittedAsync(request, transition, actor, cancellationToken).ConfigureAwait(false);
        return request;
    }

    public ValueTask<SubjectRequest> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return LoadAsync(requestId, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var history = await store.GetHistoryAsync(requestId, cancellationToken).ConfigureAwait(false);
        return history.Count == 0 ? throw Error.RequestNotFound(requestId) : history;
    }

    public ValueTask<SubjectRequest> ConfirmReceiptAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        return ApplyAsync(requestId, actor, SubjectRequestCommand.ConfirmReceipt, (request, now) =>
            request.ReceiptConfirmedAt is not null
                ? throw Error.InvalidTransition(request.Id, request.Status, SubjectRequestCommand.ConfirmReceipt, "receipt was already confirmed")
                : (request with { ReceiptConfirmedAt = now }, null),
            cancellationToken);
    }

    public ValueTask<SubjectRequest> BeginVerificationAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        return ApplyAsync(requestId, actor, SubjectRequestCommand.BeginVerification, (request, _) => (request, null), cancellationToken);
    }

    public async ValueTask<IdentityVerificationResult> VerifyIdentityAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        var request = await LoadAsync(requestId, cancellationToken).ConfigureAwait(false);
        EnsureAllowed(request, SubjectRequestCommand.VerifyIdentity);

        var result = await verifier.VerifyAsync(request, actor, cancellationToken).ConfigureAwait(false);
        if (!result.IsVerified)
        {
            RequestsLog.VerificationFailed(logger, request.Id, result.Reason);
            await auditor.VerificationFailedAsync(request, actor, result.Reason, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return result;
        }

        await ApplyAsync(requestId, actor, SubjectRequestCommand.VerifyIdentity, (current, now) =>
            (current with { VerifiedAt = now, VerificationMethod = result.Method }, $"verified: {result.Method}"),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async ValueTask<SubjectRequest> ExtendAsync(string requestId, PrivacyActor actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var request = await LoadAsync(requestId, cancellationToken).ConfigureAwait(false);
        NonPersonalText.Check(reason, request.SubjectId, nameof(reason));

        return await ApplyAsync(requestId, actor, SubjectRequestCommand.Extend, (current, now) =>
        {
            if (current.DueAt < now)
            {
                throw Error.InvalidTransition(current.Id, current.Status, SubjectRequestCommand.Extend,
                    $"the deadline of {current.DueAt:O} has passed; an extension must be decided and told to the subject before it");
            }

            var extended = deadlines.Extended(current.Regime, current.ReceivedAt)
                ?? throw Error.InvalidTransition(current.Id, current.Status, SubjectRequestCommand.Extend,
                    $"the regime {current.Regime} allows no extension (SubjectRequestOptions.PiplExtensionDays is 0)");
            return (current with { ExtendedDueAt = extended, ExtensionReason = reason.Trim() }, reason.Trim());
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SubjectRequest> CompleteAsync(string requestId, PrivacyActor actor, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        if (note is not null)
        {
            var request = await LoadAsync(requestId, cancellationToken).ConfigureAwait(false);
            NonPersonalText.Check(note, request.SubjectId, nameof(note));
        }

        return await ApplyAsync(requestId, actor, SubjectRequestCommand.Complete, (current, _) => (current, note), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SubjectRequest> RejectAsync(string requestId, PrivacyActor actor, RequestRejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rejection);
        var request = await LoadAsync(requestId, cancellationToken).ConfigureAwait(false);
        NonPersonalText.Check(rejection.Note, request.SubjectId, nameof(rejection));

        var reason = rejection.Note is null ? rejection.Ground.ToString() : $"{rejection.Ground}: {rejection.Note}";
        return await ApplyAsync(requestId, actor, SubjectRequestCommand.Reject, (current, _) => (current with { Rejection = rejection }, reason), cancellationToken)
            .ConfigureAwait(false);
    }

    private static void EnsureAllowed(SubjectRequest request, SubjectRequestCommand command)
    {
        if (!SubjectRequestStateMachine.TryNext(request.Status, command, out _))
        {
            throw Error.InvalidTransition(request.Id, request.Status, command);
        }
    }

    private static void Validate(SubjectRequestSubmission submission, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(submission.SubjectId))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.SubjectId), "must be the data subject's stable identifier; it is empty.");
        }

        if (!Enum.IsDefined(submission.Kind))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.Kind), "must be a value defined by SubjectRequestKind.");
        }

        if (!Enum.IsDefined(submission.Regime))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.Regime), "must be a value defined by PrivacyRegime.");
        }

        if (!Enum.IsDefined(submission.Channel))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.Channel), "must be a value defined by RequestChannel.");
        }

        var isRectification = submission.Kind == SubjectRequestKind.Rectification;
        if (isRectification != (submission.Corrections.Count > 0))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.Corrections), isRectification
                ? "must list at least one correction for a rectification request."
                : "may only be given for a rectification request.");
        }

        if (submission.Scope.Any(string.IsNullOrWhiteSpace))
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.Scope), "must not contain empty entries.");
        }

        foreach (var entry in submission.Scope)
        {
            NonPersonalText.Check(entry, submission.SubjectId, nameof(submission));
        }

        if (submission.ReceivedAt > now)
        {
            throw Error.InvalidSubmission(nameof(submission), nameof(submission.ReceivedAt), "must not lie in the future; leave it null for now.");
        }
    }

    private async ValueTask<SubjectRequest> LoadAsync(string requestId, CancellationToken cancellationToken) =>
        await store.GetAsync(requestId, cancellationToken).ConfigureAwait(false) ?? throw Error.RequestNotFound(requestId);

    private async ValueTask<SubjectRequest> ApplyAsync(
        string requestId,
        PrivacyActor actor,
        SubjectRequestCommand command,
        Func<SubjectRequest, DateTimeOffset, (SubjectRequest Changed, string? Reason)> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await LoadAsync(requestId, cancellationToken).ConfigureAwait(false);
            if (!SubjectRequestStateMachine.TryNext(current.Status, command, out var next))
            {
                throw Error.InvalidTransition(current.Id, current.Status, command);
            }

            var now = timeProvider.GetUtcNow();
            var (changed, reason) = change(current, now);
            var updated = changed with
            {
                Status = next,
                Version = current.Version + 1,
                ClosedAt = SubjectRequestStateMachine.IsFinal(next) ? now : changed.ClosedAt,
            };
            updated = updated with { NextDueAt = SubjectRequestStateMachine.NextDue(updated) };
            var transition = new SubjectRequestTransition
            {
                RequestId = current.Id,
                Sequence = updated.Version,
                Command = command,
                From = current.Status,
                To = next,
                At = now,
                ActorId = actor.Id,
                Reason = reason,
            };

            if (await store.TryUpdateAsync(updated, current.Version, transition, cancellationToken).ConfigureAwait(false))
            {
                await CommittedAsync(updated, transition, actor, cancellationToken).ConfigureAwait(false);
                return updated;
            }
        }

        throw Error.RequestConflict(requestId);
    }

    private ValueTask CommittedAsync(SubjectRequest request, SubjectRequestTransition transition, PrivacyActor actor, CancellationToken cancellationToken)
    {
        RequestsLog.Transition(logger, request.Id, request.Kind, transition.From, transition.To, transition.Command);
        instruments.Record(request, transition.Command);
        return auditor.TransitionAsync(request, transition, actor, cancellationToken);
    }
}
