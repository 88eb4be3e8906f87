using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>Every field of a request and of a history entry survives the row mapping (payload encryption aside).</summary>
public sealed class SubjectRequestMappingProperties
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<DateTimeOffset> Instants() =>
        from seconds in Gen.Choose(0, int.MaxValue)
        from offset in Gen.Choose(-12, 14)
        select Epoch.AddSeconds(seconds).ToOffset(TimeSpan.FromHours(offset));

    private static Gen<DateTimeOffset?> MaybeInstants() =>
        Gen.OneOf(Gen.Constant<DateTimeOffset?>(null), Instants().Select(i => (DateTimeOffset?)i));

    private static Gen<string?> MaybeText() =>
        Gen.Elements<string?>(null, "reason one", "ä-ß €", "x");

    private static Gen<T> Enum<T>()
        where T : struct, Enum => Gen.Elements(System.Enum.GetValues<T>());

    private static Arbitrary<SubjectRequest> Requests() => (
        from kind in Enum<SubjectRequestKind>()
        from regime in Enum<PrivacyRegime>()
        from channel in Enum<RequestChannel>()
        from status in Enum<SubjectRequestStatus>()
        from received in Instants()
        from due in Instants()
        from times in Gen.ArrayOf(MaybeInstants(), 9)
        from texts in Gen.ArrayOf(MaybeText(), 3)
        from scope in Gen.ListOf(Gen.Elements("marketing", "contact", "billing"))
        from rejection in Gen.OneOf(Gen.Constant<RequestRejection?>(null), Enum<RejectionGround>().Select(g => (RequestRejection?)new RequestRejection(g, "note")))
        from version in Gen.Choose(1, int.MaxValue)
        select new SubjectRequest
        {
            Id = "r-" + version,
            Kind = kind,
            Regime = regime,
            SubjectId = "cust-" + version,
            TenantId = texts[0],
            Channel = channel,
            Scope = [.. scope],
            ReceivedAt = received,
            ReceivedBy = "u",
            Status = status,
            DueAt = due,
            ExtendedDueAt = times[0],
            ExtensionReason = texts[1],
            ReceiptConfirmationDueAt = times[1],
            ReceiptConfirmedAt = times[2],
            OptOutDueAt = times[3],
            NextDueAt = times[4],
            VerifiedAt = times[5],
            VerificationMethod = texts[2],
            ClosedAt = times[6],
            Rejection = rejection,
            Version = version,
        }).ToArbitrary();

    [Property]
    public Property Request_ThroughTheRow_ComesBackEqual() => Prop.ForAll(Requests(), request =>
    {
        var row = new SubjectRequestRow();
        SubjectRequestMapping.CopyTo(request, row, null);
        var back = SubjectRequestMapping.ToRequest(row, []);
        return back == request with { Scope = back.Scope, Corrections = back.Corrections } && back.Scope.SequenceEqual(request.Scope);
    });

    [Property]
    public Property Transition_ThroughTheRow_ComesBackEqual() => Prop.ForAll(
        (from command in Enum<SubjectRequestCommand>()
         from before in Enum<SubjectRequestStatus>()
         from after in Enum<SubjectRequestStatus>()
         from at in Instants()
         from reason in MaybeText()
         from sequence in Gen.Choose(1, int.MaxValue)
         select new SubjectRequestTransition { RequestId = "r", Sequence = sequence, Command = command, From = before, To = after, At = at, ActorId = "a", Reason = reason }).ToArbitrary(),
        transition => SubjectRequestMapping.ToTransition(SubjectRequestMapping.ToRow(transition)) == transition);
}
