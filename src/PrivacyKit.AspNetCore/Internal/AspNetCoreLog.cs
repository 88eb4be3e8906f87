using Microsoft.Extensions.Logging;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Internal;

/// <summary>Log events 9001-9099 of the ASP.NET Core adapter; identifiers only, never personal values.</summary>
internal static partial class AspNetCoreLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Recorded an opt-out of sale and sharing from a Global Privacy Control signal (regime {Regime}, correlation {CorrelationId}).")]
    public static partial void GlobalPrivacyControlRecorded(ILogger logger, PrivacyRegime regime, string correlationId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Denied {Requirement} '{Name}' to actor {ActorId}: {Reason}.")]
    public static partial void RequirementDenied(ILogger logger, string requirement, string name, string actorId, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Transport posture: {Finding}")]
    public static partial void TransportFinding(ILogger logger, string finding);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Critical, Message = "Refusing to start: {Count} transport posture finding(s) and RefuseInsecureTransport is on outside Development.")]
    public static partial void RefusingToStart(ILogger logger, int count);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "A privacy endpoint refused the request with {ExceptionType} (correlation {CorrelationId}); answered {StatusCode}.")]
    public static partial void EndpointRefused(ILogger logger, string exceptionType, string correlationId, int statusCode);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "A privacy endpoint failed with {ExceptionType} (correlation {CorrelationId}); answered {StatusCode}.")]
    public static partial void EndpointFailed(ILogger logger, string exceptionType, string correlationId, int statusCode);
}
