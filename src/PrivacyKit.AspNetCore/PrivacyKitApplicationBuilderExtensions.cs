using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Http;

namespace PrivacyKit.AspNetCore;

/// <summary>Adds PrivacyKit to the request pipeline.</summary>
public static class PrivacyKitApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the middleware that makes the signed-in user the ambient <see cref="Context.PrivacyContext"/> actor (with the
    /// declared purpose and the W3C trace id as correlation id), applies Global Privacy Control, and, unless
    /// <see cref="PrivacyKitAspNetCoreOptions.AddRateLimiterMiddleware"/> is off, the framework's rate limiter. Call it
    /// after <c>UseAuthentication()</c> and <c>UseAuthorization()</c>.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddAspNetCore()</c> was not called on the PrivacyKit builder.</exception>
    public static IApplicationBuilder UsePrivacyKit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ApplicationServices.GetServices<IValidateOptions<PrivacyKitAspNetCoreOptions>>().Any(v => v is Internal.PrivacyKitAspNetCoreOptionsValidator))
        {
            throw new InvalidOperationException("UsePrivacyKit() needs services.AddPrivacyKit().AddAspNetCore() first.");
        }

        var options = app.ApplicationServices.GetRequiredService<IOptions<PrivacyKitAspNetCoreOptions>>();
        app.UseMiddleware<PrivacyKitMiddleware>();
        if (options.Value.AddRateLimiterMiddleware)
        {
            app.UseRateLimiter();
        }

        return app;
    }
}
