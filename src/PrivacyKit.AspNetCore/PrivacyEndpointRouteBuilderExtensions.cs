using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrivacyKit.AspNetCore.Endpoints;

namespace PrivacyKit.AspNetCore;

/// <summary>Maps PrivacyKit's privacy endpoints.</summary>
public static class PrivacyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the privacy endpoints under <paramref name="prefix"/>: <c>/me/...</c> for the signed-in data subject (consents,
    /// receipt, data export, requests, access history) and <c>/requests/...</c>, <c>/access/...</c> for operators holding
    /// the <see cref="PrivacyPermissions"/>. Every endpoint needs an authenticated user; failures are ProblemDetails.
    /// </summary>
    /// <param name="endpoints">The route builder (the application).</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The route group, for further conventions (e.g. a CORS or an authentication scheme policy).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="prefix"/> is <see langword="null"/>.</exception>
    public static RouteGroupBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/privacy")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var privacy = endpoints.MapGroup(prefix)
            .RequireAuthorization()
            .AddEndpointFilter<PrivacyExceptionFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        SubjectEndpoints.Map(privacy);
        OperatorEndpoints.Map(privacy);
        AccessEndpoints.Map(privacy);
        return privacy;
    }
}
