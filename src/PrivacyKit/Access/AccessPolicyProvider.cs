using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

internal sealed class AccessPolicyProvider : IAccessPolicyProvider, IDisposable
{
    private readonly ILogger _logger;
    private readonly IDisposable? _subscription;
    private readonly Lock _reloadLock = new();
    private AccessPolicy _current;
    private long _lastVersion;

    public AccessPolicyProvider(IOptionsMonitor<AccessControlOptions> options, ILogger<AccessPolicyProvider> logger)
    {
        _logger = logger;
        _current = Build(options.CurrentValue);
        _subscription = options.OnChange(TryReload);
    }

    public long Version => Current.Version;

    public IReadOnlyCollection<string> RoleNames => Current.Roles.Keys;

    internal AccessPolicy Current => Volatile.Read(ref _current);

    public void Reload(AccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policy = Build(options);
        AccessLog.PolicyReloaded(_logger, policy.Version, policy.Roles.Count);
    }

    public void Dispose() => _subscription?.Dispose();

    private void TryReload(AccessControlOptions options)
    {
        try
        {
            Reload(options);
        }
        catch (AccessControlException ex)
        {
            AccessLog.PolicyReloadRejected(_logger, ex.Errors.Count, ex);
        }
    }

    private AccessPolicy Build(AccessControlOptions options)
    {
        lock (_reloadLock)
        {
            var errors = AccessPolicyCompiler.Compile(options, _lastVersion + 1, out var policy);
            if (policy is null)
            {
                throw Error.InvalidAccessPolicy(errors);
            }

            _lastVersion = policy.Version;
            Volatile.Write(ref _current, policy);
            return policy;
        }
    }
}
