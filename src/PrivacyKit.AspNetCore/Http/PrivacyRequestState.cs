using System.Buffers;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Http;

/// <summary>The per-request state, built once from the principal and headers (authorization handlers may need it before the middleware runs).</summary>
internal sealed class PrivacyRequestState : IPrivacyRequestFeature
{
    internal const string GpcHeader = "Sec-GPC";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private PrivacyRequestState(PrivacyActor? actor, PrivacyRegime regime, string? purpose, string correlationId, bool gpc)
    {
        Actor = actor;
        Regime = regime;
        Purpose = purpose;
        CorrelationId = correlationId;
        GlobalPrivacyControl = gpc;
    }

    public PrivacyActor? Actor { get; }

    public PrivacyRegime Regime { get; }

    public string? Purpose { get; }

    public string CorrelationId { get; }

    public bool GlobalPrivacyControl { get; }

    public bool PriorOptOut { get; set; }

    /// <summary>Gets or sets a value indicating whether the signal (or the stored opt-out) was applied for this request.</summary>
    public bool Applied { get; set; }

    public bool IsOptedOutOfSaleOrSharing => GlobalPrivacyControl || PriorOptOut;

    public static PrivacyRequestState Get(HttpContext httpContext)
    {
        var existing = httpContext.Features.Get<IPrivacyRequestFeature>() as PrivacyRequestState;
        if (existing is not null && (existing.Actor is not null || httpContext.User.Identity?.IsAuthenticated != true))
        {
            return existing;
        }

        var options = httpContext.RequestServices.GetRequiredService<IOptions<PrivacyKitAspNetCoreOptions>>().Value;
        // First use, or first use since authentication ran (an audit event before it saw no user): keep the correlation id.
        var actor = CreateActor(httpContext.User, options);
        var regime = ReadRegime(httpContext.User, options);
        var purpose = NullIfEmpty(httpContext.User.FindFirst(options.PurposeClaimType)?.Value)
            ?? httpContext.Request.Headers[options.PurposeHeaderName].ToString();
        var gpc = string.Equals(httpContext.Request.Headers[GpcHeader].ToString().Trim(), "1", StringComparison.Ordinal)
            && options.GlobalPrivacyControlRegimes.Contains(regime);
        var state = new PrivacyRequestState(actor, regime, purpose.Length == 0 ? null : purpose, existing?.CorrelationId ?? CorrelationOf(httpContext), gpc);
        httpContext.Features.Set<IPrivacyRequestFeature>(state);
        return state;
    }

    internal static PrivacyActor? CreateActor(ClaimsPrincipal? user, PrivacyKitAspNetCoreOptions options)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = user.FindFirst(options.ActorIdClaimType)?.Value;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var roles = user.FindAll(options.RoleClaimType).Select(c => c.Value).Where(r => !string.IsNullOrWhiteSpace(r));
        return new PrivacyActor(id, roles, NullIfEmpty(user.FindFirst(options.TenantIdClaimType)?.Value))
        {
            SubjectId = NullIfEmpty(user.FindFirst(options.SubjectIdClaimType)?.Value),
            OnBehalfOf = NullIfEmpty(user.FindFirst(options.OnBehalfOfClaimType)?.Value),
        };
    }

    internal static bool HasMultiFactor(ClaimsPrincipal user, PrivacyKitAspNetCoreOptions options) =>
        user.FindAll(options.AuthenticationMethodClaimType).Any(c => options.MultiFactorMethods.Contains(c.Value));

    private static PrivacyRegime ReadRegime(ClaimsPrincipal? user, PrivacyKitAspNetCoreOptions options)
    {
        var value = user?.FindFirst(options.RegimeClaimType)?.Value;
        return value is not null && Enum.TryParse<PrivacyRegime>(value, ignoreCase: true, out var regime) && Enum.IsDefined(regime)
            ? regime
            : options.DefaultRegime;
    }

    private static string CorrelationOf(HttpContext httpContext)
    {
        if (Activity.Current is { } activity && activity.TraceId != default)
        {
            return activity.TraceId.ToHexString();
        }

        // traceparent: version-traceid-parentid-flags; take a well-formed trace id, else start a new one.
        var traceParent = httpContext.Request.Headers["traceparent"].ToString();
        if (traceParent.Length >= 55 && traceParent[2] == '-' && traceParent[35] == '-')
        {
            var traceId = traceParent.AsSpan(3, 32);
            if (!traceId.ContainsAnyExcept(LowerHex) && traceId.ContainsAnyExcept('0'))
            {
                return traceId.ToString();
            }
        }

        return ActivityTraceId.CreateRandom().ToHexString();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
