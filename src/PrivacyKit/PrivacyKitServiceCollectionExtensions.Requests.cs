using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Requests;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddRequestServices(IServiceCollection services)
    {
        services.AddOptions<SubjectRequestOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubjectRequestOptions>, SubjectRequestOptionsValidator>());
        services.TryAddSingleton<IHolidayCalendar, WeekendHolidayCalendar>();
        services.TryAddSingleton<ISubjectIdentityVerifier, DefaultSubjectIdentityVerifier>();
        services.TryAddSingleton<ISubjectRequestStore, InMemorySubjectRequestStore>();
        services.TryAddSingleton<RequestDeadlineCalculator>();
        services.TryAddSingleton<RequestAuditor>();
        services.TryAddSingleton<SubjectRequestInstruments>();
        services.TryAddSingleton<ISubjectRequestService, SubjectRequestService>();
        services.TryAddSingleton<ISubjectRequestExecutor, SubjectRequestExecutor>();
        services.TryAddSingleton<ISubjectRequestReports, SubjectRequestReports>();
    }
}
