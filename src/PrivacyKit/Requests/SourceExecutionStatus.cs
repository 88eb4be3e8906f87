namespace PrivacyKit.Requests;

/// <summary>How far one source got with one request.</summary>
public enum SourceExecutionStatus
{
    /// <summary>The source was called and has not reported back; a crash may have happened. The next run calls it again.</summary>
    Started = 1,

    /// <summary>The source finished; its results are recorded and it is not called again for this request.</summary>
    Succeeded = 2,

    /// <summary>The source failed; the next run calls it again.</summary>
    Failed = 3,
}
