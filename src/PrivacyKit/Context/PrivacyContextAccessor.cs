namespace PrivacyKit.Context;

internal sealed class PrivacyContextAccessor : IPrivacyContextAccessor
{
    private static readonly AsyncLocal<PrivacyContext?> Holder = new();

    public PrivacyContext? Current => Holder.Value;

    public IDisposable Push(PrivacyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = Holder.Value;
        Holder.Value = context;
        return new Scope(previous);
    }

    private sealed class Scope(PrivacyContext? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Holder.Value = previous;
            }
        }
    }
}
