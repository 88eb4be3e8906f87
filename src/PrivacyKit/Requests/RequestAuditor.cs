using System.Text.Json;
using PrivacyKit.Audit;
using PrivacyKit.Context;

namespace PrivacyKit.Requests;

/// <summary>Builds the audit records of the request workflow and executor. Identifiers, names and counts only.</summary>
internal sealed class RequestAuditor(IAuditTrail auditTrail, IPrivacyContextAccessor contextAccessor)
{
    public const string ResourceType = "SubjectRequest";
    public const string SourceResourceType = "PersonalDataSource";

    public static string ActionName(SubjectRequestCommand command) =>
        "request." + JsonNamingPolicy.CamelCase.ConvertName(command.ToString());

    public ValueTask TransitionAsync(
        SubjectRequest request, SubjectRequestTransition transition, PrivacyActor actor, CancellationToken cancellationToken) =>
        auditTrail.RecordAsync(
            Base(AuditEventKind.RequestStatusChanged, ActionName(transition.Command), request, actor, transition.At) with
            {
                ResourceType = ResourceType,
                ResourceId = request.Id,
                Reason = transition.Reason,
                Properties = Properties(request, ("from", transition.From.ToString()), ("to", transition.To.ToString())),
            },
            cancellationToken);

    public ValueTask VerificationFailedAsync(
        SubjectRequest request, PrivacyActor actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        auditTrail.RecordAsync(
            Base(AuditEventKind.RequestStatusChanged, ActionName(SubjectRequestCommand.VerifyIdentity), request, actor, at) with
            {
                ResourceType = ResourceType,
                ResourceId = request.Id,
                Outcome = AuditOutcome.Denied,
                Reason = reason,
                Properties = Properties(request, ("from", request.Status.ToString()), ("to", request.Status.ToString())),
            },
            cancellationToken);

    public ValueTask SourceAsync(
        SubjectRequest request, string sourceName, PrivacyActor actor, AuditOutcome outcome, IReadOnlyList<string> fields,
        string? reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        auditTrail.RecordAsync(
            Base(KindOf(request.Kind), "request.execute." + JsonNamingPolicy.CamelCase.ConvertName(request.Kind.ToString()), request, actor, at) with
            {
                ResourceType = SourceResourceType,
                ResourceId = sourceName,
                Fields = fields,
                Outcome = outcome,
                Reason = reason,
                Properties = Properties(request),
            },
            cancellationToken);

    private static AuditEventKind KindOf(SubjectRequestKind kind) => kind switch
    {
        SubjectRequestKind.Access or SubjectRequestKind.Portability => AuditEventKind.Exported,
        SubjectRequestKind.Erasure => AuditEventKind.Erased,
        _ => AuditEventKind.Updated,
    };

    private static Dictionary<string, string> Properties(SubjectRequest request, params (string Key, string Value)[] more)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["requestId"] = request.Id,
            ["kind"] = request.Kind.ToString(),
            ["regime"] = request.Regime.ToString(),
            ["channel"] = request.Channel.ToString(),
        };
        foreach (var (key, value) in more)
        {
            properties[key] = value;
        }

        return properties;
    }

    private AuditEvent Base(AuditEventKind kind, string action, SubjectRequest request, PrivacyActor actor, DateTimeOffset at) => new()
    {
        Kind = kind,
        Action = action,
        ActorId = actor.Id,
        ActorRoles = actor.Roles,
        OnBehalfOf = actor.OnBehalfOf,
        SubjectId = request.SubjectId,
        Timestamp = at,
        CorrelationId = contextAccessor.Current?.CorrelationId,
    };
}
