namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// The execution record of one source for one request. <see cref="Export"/> holds personal values and is stored
/// encrypted (text ciphertext); locations and changes hold none and are plain JSON.
/// </summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class SourceExecutionRow
{
    /// <summary>Gets or sets the request's id.</summary>
    public string RequestId { get; set; } = "";

    /// <summary>Gets or sets the source's name.</summary>
    public string SourceName { get; set; } = "";

    /// <summary>Gets or sets the status (the core enum's value).</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets how many times the source was called.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets when the last attempt started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Gets or sets when the source finished.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Gets or sets the exception type name of the last failure.</summary>
    public string? ErrorType { get; set; }

    /// <summary>Gets or sets where the source holds the data, as JSON (no values).</summary>
    public string Locations { get; set; } = "[]";

    /// <summary>Gets or sets the export as PrivacyKit ciphertext of its JSON, or <see langword="null"/>.</summary>
    public string? Export { get; set; }

    /// <summary>Gets or sets what the source did, as JSON (no values).</summary>
    public string Changes { get; set; } = "[]";
}
