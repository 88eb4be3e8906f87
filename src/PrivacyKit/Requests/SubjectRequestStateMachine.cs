namespace PrivacyKit.Requests;

/// <summary>The workflow's transition table: which command is allowed in which status, and where it leads.</summary>
internal static class SubjectRequestStateMachine
{
    private static readonly SubjectRequestCommand[] Commands = Enum.GetValues<SubjectRequestCommand>();

    public static bool IsFinal(SubjectRequestStatus status) =>
        status is SubjectRequestStatus.Completed or SubjectRequestStatus.Rejected;

    public static bool TryNext(SubjectRequestStatus from, SubjectRequestCommand command, out SubjectRequestStatus to)
    {
        to = (from, command) switch
        {
            (_, _) when IsFinal(from) || !Enum.IsDefined(from) => 0,
            (_, SubjectRequestCommand.ConfirmReceipt) => from,
            (_, SubjectRequestCommand.Reject) => SubjectRequestStatus.Rejected,
            (SubjectRequestStatus.Received, SubjectRequestCommand.BeginVerification) => SubjectRequestStatus.IdentityVerification,
            (SubjectRequestStatus.IdentityVerification, SubjectRequestCommand.VerifyIdentity) => SubjectRequestStatus.InProgress,
            (SubjectRequestStatus.InProgress, SubjectRequestCommand.Extend) => SubjectRequestStatus.Extended,
            (SubjectRequestStatus.InProgress or SubjectRequestStatus.Extended, SubjectRequestCommand.Execute) => from,
            (SubjectRequestStatus.InProgress or SubjectRequestStatus.Extended, SubjectRequestCommand.Complete) => SubjectRequestStatus.Completed,
            _ => 0,
        };
        return to != 0;
    }

    public static IReadOnlyList<SubjectRequestCommand> AllowedCommands(SubjectRequestStatus status) =>
        [.. Commands.Where(c => TryNext(status, c, out _))];

    /// <summary>The earliest deadline still pending, or null once closed.</summary>
    public static DateTimeOffset? NextDue(SubjectRequest request)
    {
        if (IsFinal(request.Status))
        {
            return null;
        }

        var next = request.EffectiveDueAt;
        if (request.OptOutDueAt is { } optOut && optOut < next)
        {
            next = optOut;
        }

        if (request.ReceiptConfirmedAt is null && request.ReceiptConfirmationDueAt is { } confirm && confirm < next)
        {
            next = confirm;
        }

        return next;
    }
}
