using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Runs the CRM's EF Core personal-data source under the identity that executes data subject requests. A customer who
/// exports her own data through <c>/privacy/me/export</c> is the ambient actor, and she holds no <c>customers:read</c>:
/// field access (<c>EnforceFieldAccess</c>) would hide every field of her own export. The request itself stays audited
/// under her name; the reads it makes are audited under <see cref="ActorId"/>.
/// </summary>
public sealed class RequestExecutionContext(IPersonalDataSource inner, IPrivacyContextAccessor contexts) : IPersonalDataSource
{
    /// <summary>The actor id the sources run as; it holds the <see cref="Role"/> role (granted at installation).</summary>
    public const string ActorId = "system:subject-requests";

    /// <summary>The role that reads every customer and field in clear, for request execution only (appsettings.json).</summary>
    public const string Role = "request-executor";

    public string Name => inner.Name;

    public async ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        using var scope = Push();
        return await inner.FindAsync(context, cancellationToken);
    }

    public async ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        using var scope = Push();
        return await inner.ExportAsync(context, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(
        PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default)
    {
        using var scope = Push();
        return await inner.EraseAsync(context, entityTypes, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(
        PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        using var scope = Push();
        return await inner.RectifyAsync(context, corrections, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        using var scope = Push();
        return await inner.RestrictAsync(context, cancellationToken);
    }

    /// <summary>Wraps the EF Core personal-data source registered by <c>AddEntityFrameworkPersonalData</c>.</summary>
    public static IPrivacyKitBuilder RunEntityFrameworkSourceAsRequestExecutor(IPrivacyKitBuilder builder)
    {
        var services = builder.Services;
        var registered = services.Single(d => d.ServiceType == typeof(IPersonalDataSource)
            && d.ImplementationType?.Name.StartsWith("EntityFrameworkPersonalDataSource", StringComparison.Ordinal) == true);
        var type = registered.ImplementationType!;
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(IPersonalDataSource),
            sp => new RequestExecutionContext((IPersonalDataSource)ActivatorUtilities.CreateInstance(sp, type), sp.GetRequiredService<IPrivacyContextAccessor>()),
            registered.Lifetime));
        return builder;
    }

    private IDisposable Push() =>
        contexts.Push(new PrivacyContext(new PrivacyActor(ActorId, [Role]))
        {
            Purpose = contexts.Current?.Purpose,
            CorrelationId = contexts.Current?.CorrelationId,
        });
}
