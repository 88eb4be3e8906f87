using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class PrivacyKitBuilderExtensionsRequestsTests
{
    [Fact]
    public void AddPrivacyKit_Twice_RegistersRequestServicesOnce()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit();
        services.AddPrivacyKit();

        Assert.Single(services, d => d.ServiceType == typeof(ISubjectRequestService));
        Assert.Single(services, d => d.ServiceType == typeof(ISubjectRequestStore));
        Assert.Single(services, d => d.ServiceType == typeof(ISubjectRequestExecutor));
    }

    [Fact]
    public void UseHolidayCalendarAndIdentityVerifier_ReplaceDefaults()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().UseHolidayCalendar<NoHolidays>().UseIdentityVerifier<TrustEveryone>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<NoHolidays>(provider.GetRequiredService<IHolidayCalendar>());
        Assert.IsType<TrustEveryone>(provider.GetRequiredService<ISubjectIdentityVerifier>());
    }

    [Fact]
    public void BuilderExtensions_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddPrivacyKit();

        Assert.Throws<ArgumentNullException>("builder", () => PrivacyKitBuilderExtensions.AddPersonalDataSource<FakePersonalDataSource>(null!));
        Assert.Throws<ArgumentNullException>("configure", () => builder.ConfigureSubjectRequests(null!));
        Assert.Throws<ArgumentNullException>("builder", () => PrivacyKitBuilderExtensions.UseHolidayCalendar<NoHolidays>(null!));
        Assert.Throws<ArgumentNullException>("builder", () => PrivacyKitBuilderExtensions.UseIdentityVerifier<TrustEveryone>(null!));
    }

    [Fact]
    public async Task UseIdentityVerifier_CustomVerifier_DecidesVerification()
    {
        using var host = new RequestTestHost(services: s => s.AddPrivacyKit().UseIdentityVerifier<TrustEveryone>());
        var request = await host.Workflow.SubmitAsync(RequestTestHost.Submission(), RequestTestHost.Subject());
        await host.Workflow.BeginVerificationAsync(request.Id, RequestTestHost.Subject());

        var result = await host.Workflow.VerifyIdentityAsync(request.Id, new PrivacyActor("stranger"));

        Assert.Equal("trusted", result.Method);
        Assert.Equal("trusted", (await host.Workflow.GetAsync(request.Id)).VerificationMethod);
    }

    private sealed class NoHolidays : IHolidayCalendar
    {
        public bool IsBusinessDay(DateOnly day) => true;
    }

    private sealed class TrustEveryone : ISubjectIdentityVerifier
    {
        public ValueTask<IdentityVerificationResult> VerifyAsync(SubjectRequest request, PrivacyActor actor, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(IdentityVerificationResult.Verified("trusted"));
    }
}
