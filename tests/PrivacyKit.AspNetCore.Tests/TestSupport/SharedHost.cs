namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>One host per test class for the many tests that only check who may call what (each creates its own data).</summary>
public sealed class SharedHost : IAsyncLifetime
{
    private TestHost? _host;

    internal TestHost Host => _host ?? throw new InvalidOperationException("The shared host has not started.");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
