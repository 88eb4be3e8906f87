using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Gives the singleton stores a fresh <typeparamref name="TContext"/> per operation: from
/// <see cref="IDbContextFactory{TContext}"/> when one is registered (AddDbContextFactory, AddPooledDbContextFactory),
/// otherwise from a new service scope (AddDbContext). A fresh context per operation keeps the stores thread-safe and
/// out of the application's own unit of work.
/// </summary>
internal sealed class StoreContextFactory<TContext>(IServiceProvider services)
    where TContext : DbContext
{
    private int _checked;

    /// <summary>Creates a context; unless <paramref name="requireStores"/> is false, checks once that its model holds the store tables.</summary>
    public async ValueTask<StoreContext<TContext>> CreateAsync(CancellationToken cancellationToken, bool requireStores = true)
    {
        StoreContext<TContext> lease;
        if (services.GetService<IDbContextFactory<TContext>>() is { } factory)
        {
            lease = new StoreContext<TContext>(await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false), null);
        }
        else
        {
            var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            lease = new StoreContext<TContext>(scope.ServiceProvider.GetRequiredService<TContext>(), scope);
        }

        if (requireStores && Volatile.Read(ref _checked) == 0)
        {
            if (lease.Context.Model.FindEntityType(typeof(DataKeyRow)) is null)
            {
                await lease.DisposeAsync().ConfigureAwait(false);
                throw Error.StoresNotInModel(typeof(TContext));
            }

            Volatile.Write(ref _checked, 1);
        }

        return lease;
    }
}

/// <summary>A context for one store operation, with the scope it came from (if any); disposing disposes both.</summary>
internal sealed class StoreContext<TContext>(TContext context, AsyncServiceScope? scope) : IAsyncDisposable
    where TContext : DbContext
{
    public TContext Context { get; } = context;

    public async ValueTask DisposeAsync()
    {
        if (scope is { } owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await Context.DisposeAsync().ConfigureAwait(false);
        }
    }
}
