namespace PrivacyKit.EFCore.Masking;

/// <summary>
/// Turns field masking off for the current async flow while PrivacyKit itself reads on behalf of a data subject
/// request: the request workflow (verified identity, operator decision) authorises the export or erasure, not the
/// role of whoever is signed in — a data subject holds no CRM permission, yet their export must contain their data.
/// Row scope is bypassed the same way (the personal-data source ignores query filters). Thread-safe (AsyncLocal).
/// </summary>
internal static class FieldAccessSuppression
{
    private static readonly AsyncLocal<int> Depth = new();

    /// <summary>Whether masking is off in this flow.</summary>
    public static bool IsActive => Depth.Value > 0;

    /// <summary>Turns masking off until the returned scope is disposed.</summary>
    public static IDisposable Begin()
    {
        Depth.Value++;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Depth.Value--;
            }
        }
    }
}
