using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestStateMachineProperties
{
    private static readonly SubjectRequestStatus[] Statuses = Enum.GetValues<SubjectRequestStatus>();

    private static readonly SubjectRequestCommand[] Commands = Enum.GetValues<SubjectRequestCommand>();

    // The workflow as the issue draws it; every allowed move must be one of these.
    private static readonly HashSet<(SubjectRequestStatus, SubjectRequestStatus)> Edges =
    [
        (SubjectRequestStatus.Received, SubjectRequestStatus.IdentityVerification),
        (SubjectRequestStatus.IdentityVerification, SubjectRequestStatus.InProgress),
        (SubjectRequestStatus.InProgress, SubjectRequestStatus.Extended),
        (SubjectRequestStatus.InProgress, SubjectRequestStatus.Completed),
        (SubjectRequestStatus.Extended, SubjectRequestStatus.Completed),
        (SubjectRequestStatus.Received, SubjectRequestStatus.Rejected),
        (SubjectRequestStatus.IdentityVerification, SubjectRequestStatus.Rejected),
        (SubjectRequestStatus.InProgress, SubjectRequestStatus.Rejected),
        (SubjectRequestStatus.Extended, SubjectRequestStatus.Rejected),
    ];

    private static Arbitrary<(SubjectRequestCommand Command, int Days, bool Operator)[]> Sequences() =>
        Gen.Elements(Commands)
            .SelectMany(c => Gen.Choose(0, 20), (c, d) => (c, d))
            .SelectMany(x => Gen.Elements(true, false), (x, op) => (x.c, x.d, op))
            .ArrayOf()
            .ToArbitrary();

    [Property]
    public Property TryNext_EveryAllowedMove_IsAnEdgeOfTheWorkflowOrStaysPut() => Prop.ForAll(
        Gen.Elements(Statuses).SelectMany(_ => Gen.Elements(Commands), (s, c) => (s, c)).ToArbitrary(),
        x =>
        {
            if (!SubjectRequestStateMachine.TryNext(x.s, x.c, out var to))
            {
                return !SubjectRequestStateMachine.AllowedCommands(x.s).Contains(x.c);
            }

            return !SubjectRequestStateMachine.IsFinal(x.s)
                && x.c != SubjectRequestCommand.Submit
                && (to == x.s ? x.c is SubjectRequestCommand.ConfirmReceipt or SubjectRequestCommand.Execute : Edges.Contains((x.s, to)));
        });

    [Property(MaxTest = 60)]
    public Property RandomCommandSequences_NeverReachAnInvalidState_AndClosedIsFinal() => Prop.ForAll(Sequences(), steps =>
    {
        using var host = new RequestTestHost(legalHolds: true);
        var workflow = host.Workflow;
        var request = workflow.SubmitAsync(RequestTestHost.Submission(regime: PrivacyRegime.Ccpa), RequestTestHost.Subject()).AsTask().GetAwaiter().GetResult();
        var id = request.Id;
        SubjectRequestStatus? closedAs = null;

        foreach (var (command, days, byOperator) in steps)
        {
            host.Time.Advance(TimeSpan.FromDays(days));
            PrivacyActor actor = byOperator ? RequestTestHost.Operator : RequestTestHost.Subject();
            var before = workflow.GetAsync(id).AsTask().GetAwaiter().GetResult();
            try
            {
                Apply(host, id, command, actor);
            }
            catch (InvalidRequestTransitionException ex)
            {
                if (ex.CurrentStatus != before.Status || ex.AttemptedCommand != command)
                {
                    return false;
                }
            }

            var after = workflow.GetAsync(id).AsTask().GetAwaiter().GetResult();
            if (!Enum.IsDefined(after.Status) || (closedAs is { } closed && after.Status != closed))
            {
                return false;
            }

            if (after.Status != before.Status && !Edges.Contains((before.Status, after.Status)))
            {
                return false;
            }

            if (after.IsOpen == (after.NextDueAt is null) || after.IsOpen == (after.ClosedAt is not null))
            {
                return false;
            }

            if (!after.IsOpen)
            {
                closedAs = after.Status;
            }
        }

        var history = workflow.GetHistoryAsync(id).AsTask().GetAwaiter().GetResult();
        var chained = history.Zip(history.Skip(1)).All(p => p.First.To == p.Second.From && p.Second.Sequence == p.First.Sequence + 1);
        var final = workflow.GetAsync(id).AsTask().GetAwaiter().GetResult();
        return chained
            && history[^1].To == final.Status
            && history.Count == final.Version
            && host.Audit.Events.Count(e => e.Outcome == PrivacyKit.Audit.AuditOutcome.Success) == history.Count;
    });

    private static void Apply(RequestTestHost host, string id, SubjectRequestCommand command, PrivacyActor actor)
    {
        var workflow = host.Workflow;
        switch (command)
        {
            case SubjectRequestCommand.ConfirmReceipt:
                workflow.ConfirmReceiptAsync(id, actor).AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.BeginVerification:
                workflow.BeginVerificationAsync(id, actor).AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.VerifyIdentity:
                workflow.VerifyIdentityAsync(id, actor).AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.Extend:
                workflow.ExtendAsync(id, actor, "complex").AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.Complete:
                workflow.CompleteAsync(id, actor).AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.Reject:
                workflow.RejectAsync(id, actor, new RequestRejection(RejectionGround.Excessive)).AsTask().GetAwaiter().GetResult();
                break;
            case SubjectRequestCommand.Execute:
                host.Executor.ExecuteAsync(id, actor).AsTask().GetAwaiter().GetResult();
                break;
            default:
                // Submit only creates requests; there is no way to apply it to an existing one.
                break;
        }
    }
}
