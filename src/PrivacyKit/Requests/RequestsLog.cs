using Microsoft.Extensions.Logging;

namespace PrivacyKit.Requests;

/// <summary>Log messages of the request workflow. Identifiers only, never personal values.</summary>
internal static partial class RequestsLog
{
    [LoggerMessage(EventId = 6001, EventName = "RequestTransition", Level = LogLevel.Information,
        Message = "Data subject request {RequestId} ({Kind}) moved from {From} to {To} by {Command}.")]
    public static partial void Transition(ILogger logger, string requestId, SubjectRequestKind kind, SubjectRequestStatus from, SubjectRequestStatus to, SubjectRequestCommand command);

    [LoggerMessage(EventId = 6002, EventName = "IdentityVerificationFailed", Level = LogLevel.Warning,
        Message = "Identity verification of data subject request {RequestId} failed: {Reason}")]
    public static partial void VerificationFailed(ILogger logger, string requestId, string? reason);

    [LoggerMessage(EventId = 6003, EventName = "SourceFailed", Level = LogLevel.Warning,
        Message = "Personal data source {SourceName} failed with {ExceptionType} for data subject request {RequestId}; executing the request again resumes with it.")]
    public static partial void SourceFailed(ILogger logger, string sourceName, string exceptionType, string requestId);

    [LoggerMessage(EventId = 6004, EventName = "SourceSkipped", Level = LogLevel.Debug,
        Message = "Personal data source {SourceName} already finished data subject request {RequestId}; not called again.")]
    public static partial void SourceSkipped(ILogger logger, string sourceName, string requestId);

    [LoggerMessage(EventId = 6005, EventName = "RequestExecuted", Level = LogLevel.Information,
        Message = "Data subject request {RequestId} ({Kind}) executed across {SourceCount} personal data sources.")]
    public static partial void Executed(ILogger logger, string requestId, SubjectRequestKind kind, int sourceCount);
}
