namespace PrivacyKit.Requests;

/// <summary>The outcome of verifying a requester's identity.</summary>
public sealed record IdentityVerificationResult
{
    private IdentityVerificationResult(bool isVerified, string? method, string? reason)
    {
        IsVerified = isVerified;
        Method = method;
        Reason = reason;
    }

    /// <summary>Gets a value indicating whether the identity was verified.</summary>
    public bool IsVerified { get; }

    /// <summary>Gets how the identity was verified (a short, non-personal name), when verified.</summary>
    public string? Method { get; }

    /// <summary>Gets why verification failed (non-personal), when it failed.</summary>
    public string? Reason { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="method">How the identity was verified, e.g. <c>authenticated-subject</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is <see langword="null"/>.</exception>
    public static IdentityVerificationResult Verified(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return new(true, method, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="reason">Why verification failed, without personal values.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public static IdentityVerificationResult Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, null, reason);
    }
}
