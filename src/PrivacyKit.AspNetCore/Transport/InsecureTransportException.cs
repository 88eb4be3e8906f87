namespace PrivacyKit.AspNetCore;

/// <summary>
/// Thrown at start-up, outside Development and with <see cref="PrivacyKitAspNetCoreOptions.RefuseInsecureTransport"/> on,
/// when privacy endpoints are reachable over plain HTTP without HSTS or a database connection string disables TLS.
/// </summary>
public sealed class InsecureTransportException : PrivacyKitException
{
    /// <summary>Initializes a new instance of the <see cref="InsecureTransportException"/> class.</summary>
    public InsecureTransportException()
        : base("The transport posture check found a problem.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InsecureTransportException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InsecureTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InsecureTransportException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InsecureTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the findings, each saying what to fix (binding address or connection string name, never a secret).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}
