using Microsoft.Extensions.Logging;

namespace PrivacyKit.Access;

/// <summary>Log messages of access control. Event ids 4001–4099; never a personal value.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Access control role definitions loaded: version {Version}, {RoleCount} roles.")]
    public static partial void PolicyReloaded(ILogger logger, long version, int roleCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Changed access control role definitions were rejected ({ErrorCount} problems); the previous definitions stay in force.")]
    public static partial void PolicyReloadRejected(ILogger logger, int errorCount, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Access denied: actor {ActorId}, permission {Permission}, reason {Reason}.")]
    public static partial void AccessDenied(ILogger logger, string actorId, Permission permission, AccessDecisionReason reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Role {Role} granted to actor {ActorId} by {GrantedBy} (assignment {AssignmentId}).")]
    public static partial void RoleGranted(ILogger logger, string role, string actorId, string grantedBy, string assignmentId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Role assignment {AssignmentId} ({Role}) revoked by {RevokedBy}.")]
    public static partial void RoleRevoked(ILogger logger, string assignmentId, string role, string revokedBy);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Role assignment {AssignmentId} reviewed by {ReviewerId}: {Decision}.")]
    public static partial void AccessReviewed(ILogger logger, string assignmentId, string reviewerId, AccessReviewDecision decision);
}
