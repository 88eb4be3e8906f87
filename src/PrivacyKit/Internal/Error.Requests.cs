using PrivacyKit.Requests;

namespace PrivacyKit.Internal;

internal static partial class Error
{
    internal static SubjectRequestNotFoundException RequestNotFound(string requestId) =>
        new($"No data subject request has id '{requestId}'. Check the id, and that the request store is the one it was submitted to.")
        {
            RequestId = requestId,
        };

    internal static InvalidRequestTransitionException InvalidTransition(
        string requestId, SubjectRequestStatus status, SubjectRequestCommand command, string? guard = null)
    {
        var allowed = SubjectRequestStateMachine.AllowedCommands(status);
        var because = guard is null
            ? $"it is not allowed in status {status}"
            : $"in status {status} {guard}";
        var next = allowed.Count == 0
            ? "The request is closed; submit a new request instead."
            : $"Allowed in {status}: {string.Join(", ", allowed)}.";
        return new($"Command {command} refused for data subject request '{requestId}': {because}. {next}")
        {
            RequestId = requestId,
            CurrentStatus = status,
            AttemptedCommand = command,
        };
    }

    internal static SubjectRequestConflictException RequestConflict(string requestId) =>
        new($"Data subject request '{requestId}' kept changing while a command was applied to it; reload it and retry.")
        {
            RequestId = requestId,
        };

    internal static SubjectRequestConflictException ExecutionLeaseHeld(string requestId) =>
        new($"Data subject request '{requestId}' is being executed by another instance; retry after its execution lease (SubjectRequestOptions.ExecutionLeaseDuration) expires.")
        {
            RequestId = requestId,
        };

    internal static SubjectRequestExecutionException SourceFailed(string requestId, string sourceName, Exception inner) =>
        new($"Personal data source '{sourceName}' failed with {inner.GetType().FullName} while data subject request '{requestId}' was executed. " +
            "Sources that finished are recorded; execute the request again to resume with this source.", inner)
        {
            RequestId = requestId,
            SourceName = sourceName,
        };

    internal static InvalidOperationException DuplicateRequestId(string requestId) =>
        new($"A data subject request with id '{requestId}' already exists in the request store; request ids must be unique.");

    internal static InvalidOperationException ExecutionRecordWithoutRequest(string requestId, string sourceName) =>
        new($"The execution record of source '{sourceName}' names data subject request '{requestId}', which the request store does not hold.");

    internal static InvalidOperationException DuplicateSourceName(string sourceName) =>
        new($"Two registered IPersonalDataSource implementations are named '{sourceName}'. Source names key the execution records and must be unique.");

    internal static InvalidOperationException InvalidSourceName(string typeName) =>
        new($"IPersonalDataSource '{typeName}' has an empty Name. Give each source a stable, unique name such as 'crm.customers'.");

    internal static InvalidOperationException LegalHoldStoreMissing(string requestId) =>
        new($"Data subject request '{requestId}' is an erasure, but no Retention.ILegalHoldStore is registered, so legal holds cannot be honoured. " +
            "Register one (PrivacyKit's retention services or your own) before executing erasures.");

    internal static InvalidOperationException NoBusinessDays(string calendarType) =>
        new($"The holiday calendar '{calendarType}' reports no business day in ten years; check its IsBusinessDay implementation and SubjectRequestOptions.Holidays.");

    internal static ArgumentException InvalidSubmission(string paramName, string property, string problem) =>
        new($"SubjectRequestSubmission.{property} {problem}", paramName);

    internal static ArgumentException LooksPersonal(string paramName, string what) =>
        new($"The text must not be personal, but it contains {what}. It is stored and audited; describe the reason without personal values.", paramName);

    internal static ArgumentException TextTooLong(string paramName, int maxLength) =>
        new($"The text must be at most {maxLength} characters.", paramName);
}
