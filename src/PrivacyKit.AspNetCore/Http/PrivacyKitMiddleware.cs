using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyKit.Consent;
using PrivacyKit.Context;

namespace PrivacyKit.AspNetCore.Http;

/// <summary>Pushes the request's privacy context (actor, purpose, correlation id) and applies Global Privacy Control.</summary>
internal sealed class PrivacyKitMiddleware(
    RequestDelegate next,
    IPrivacyContextAccessor contextAccessor,
    IConsentService consent,
    ILogger<PrivacyKitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var state = PrivacyRequestState.Get(httpContext);
        await GlobalPrivacyControl.ApplyAsync(state, consent, logger, httpContext.RequestAborted).ConfigureAwait(false);

        if (state.Actor is null)
        {
            await next(httpContext).ConfigureAwait(false);
            return;
        }

        using (contextAccessor.Push(new PrivacyContext(state.Actor) { Purpose = state.Purpose, CorrelationId = state.CorrelationId }))
        {
            await next(httpContext).ConfigureAwait(false);
        }
    }
}
