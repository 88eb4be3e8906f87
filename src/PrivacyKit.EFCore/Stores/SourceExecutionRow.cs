namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// The execution record of one source for one request. <see cref="Export"/> holds personal values and is stored
/// encrypted (text ciphertext); locations and changes hold none and are plain JSON.
/// </summary>
internal sealed class SourceExecutionRow
{
    public string RequestId { get; set; } = "";

    public string SourceName { get; set; } = "";

    public int Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? ErrorType { get; set; }

    public string Locations { get; set; } = "[]";

    public string? Export { get; set; }

    public string Changes { get; set; } = "[]";
}
