namespace PrivacyKit.EFCore.Stores;

/// <summary>One entry of a request's history, keyed by request id and sequence.</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class SubjectRequestTransitionRow
{
    /// <summary>Gets or sets the request's id.</summary>
    public string RequestId { get; set; } = "";

    /// <summary>Gets or sets the position (database-generated append order, or the history position).</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the command (the core enum's value).</summary>
    public int Command { get; set; }

    /// <summary>Gets or sets the status before (the core enum's value).</summary>
    public int From { get; set; }

    /// <summary>Gets or sets the status after (the core enum's value).</summary>
    public int To { get; set; }

    /// <summary>Gets or sets when the command was applied.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Gets or sets who applied it.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>Gets or sets the non-personal reason.</summary>
    public string? Reason { get; set; }
}
