using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// Registers the EF audit store for an application DbContext: a must-succeed pipeline sink for the records the
/// core pipeline chains, and the default <see cref="IAuditReader"/> over every chain in the table.
/// </summary>
internal static class AuditStoreServices
{
    public static void Add<TContext>(IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton<AuditStoreSink<TContext>>();
        services.TryAddSingleton<IAuditReader>(sp => sp.GetRequiredService<AuditStoreSink<TContext>>());
        new Builder(services).AddBatchedAuditSink(sp => sp.GetRequiredService<AuditStoreSink<TContext>>(), AuditSinkPolicy.MustSucceed);
    }

    private sealed class Builder(IServiceCollection services) : IPrivacyKitBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
