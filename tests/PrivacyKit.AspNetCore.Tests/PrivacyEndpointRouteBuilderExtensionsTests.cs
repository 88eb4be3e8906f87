using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Tests.TestSupport;

namespace PrivacyKit.AspNetCore.Tests;

public sealed class PrivacyEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapPrivacyEndpoints_EveryEndpoint_HasUniqueNameSummaryTagsAndProblemResponses()
    {
        await using var host = await TestHost.StartAsync();
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/privacy", StringComparison.Ordinal)).ToList();

        Assert.Equal(20, endpoints.Count);
        var names = endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToList();
        Assert.All(names, Assert.NotNull);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(endpoints, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary));
            Assert.StartsWith("Privacy", Assert.Single(e.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags)), StringComparison.Ordinal);
            Assert.Contains(e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>(), p => p.StatusCode == StatusCodes.Status403Forbidden);
        });
    }
}
