using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Internal;

namespace PrivacyKit.AspNetCore.Http;

/// <summary>A fixed window per actor (per client address when anonymous) for endpoints that export personal data.</summary>
internal sealed class ExportRateLimiterPolicy(IOptions<PrivacyKitAspNetCoreOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "privacykit-export";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static async (context, _) =>
    {
        var httpContext = context.HttpContext;
        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = PrivacyProblems.Create(httpContext, StatusCodes.Status429TooManyRequests, "export-rate-limited", "Too many exports",
            "Personal data exports are rate-limited per actor: try again later.");
        await PrivacyProblems.WriteAsync(httpContext, problem).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var o = options.Value;
        var key = PrivacyRequestState.Get(httpContext).Actor?.Id is { } id
            ? "actor:" + id
            : "ip:" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.ExportPermitLimit,
            Window = o.ExportWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
