using Microsoft.Extensions.Options;
using PrivacyKit.Context;

namespace PrivacyKit.Access;

/// <summary>Resolves row scope bindings and teams from the last valid <see cref="AccessControlOptions"/>.</summary>
internal sealed class DefaultRowScopeResolver : IRowScopeResolver, IDisposable
{
    private readonly IDisposable? _subscription;
    private AccessControlOptions _options;

    public DefaultRowScopeResolver(IOptionsMonitor<AccessControlOptions> options)
    {
        _options = options.CurrentValue;
        _subscription = options.OnChange(o => Volatile.Write(ref _options, o));
    }

    public RowScopeBinding? GetBinding(Type entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var bindings = Volatile.Read(ref _options).RowScopeBindings;
        for (var type = entityType; type is not null; type = type.BaseType)
        {
            if (bindings.TryGetValue(type, out var binding))
            {
                return binding;
            }
        }

        return null;
    }

    public IReadOnlyList<string> GetTeamIds(PrivacyActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Volatile.Read(ref _options).TeamResolver?.Invoke(actor) ?? [];
    }

    public void Dispose() => _subscription?.Dispose();
}
