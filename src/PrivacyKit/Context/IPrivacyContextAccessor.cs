namespace PrivacyKit.Context;

/// <summary>
/// Gives access to the <see cref="PrivacyContext"/> of the current asynchronous flow, as
/// <c>IHttpContextAccessor</c> does for the HTTP context.
/// </summary>
/// <remarks>Implementations must be thread-safe; the context flows with the execution context.</remarks>
public interface IPrivacyContextAccessor
{
    /// <summary>Gets the context of the current flow, or <see langword="null"/> when none was set.</summary>
    PrivacyContext? Current { get; }

    /// <summary>
    /// Makes <paramref name="context"/> current for this asynchronous flow until the returned scope
    /// is disposed, after which the previous context is current again.
    /// </summary>
    /// <param name="context">The context to make current.</param>
    /// <returns>A scope that restores the previous context when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    IDisposable Push(PrivacyContext context);
}
