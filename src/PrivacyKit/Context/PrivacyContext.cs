namespace PrivacyKit.Context;

/// <summary>
/// The ambient facts of one unit of work that PrivacyKit's checks and audit records need: who acts,
/// for which purpose, and the correlation id that ties the records of one request together.
/// </summary>
public sealed class PrivacyContext
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="actor">Who is acting.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public PrivacyContext(PrivacyActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actor = actor;
    }

    /// <summary>Gets who is acting.</summary>
    public PrivacyActor Actor { get; }

    /// <summary>Gets the purpose the data is used for (a consent purpose id such as <c>marketing</c>), if declared.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets the correlation id (for example a W3C trace id) of the current operation.</summary>
    public string? CorrelationId { get; init; }
}
