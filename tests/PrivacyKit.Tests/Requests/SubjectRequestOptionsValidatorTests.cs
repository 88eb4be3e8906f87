using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SubjectRequestOptionsValidator().Validate(null, new SubjectRequestOptions()).Succeeded);
    }

    [Theory]
    [InlineData("TimeZoneId")]
    [InlineData("PiplResponseDays")]
    [InlineData("PiplExtensionDays")]
    [InlineData("DueSoonWindow")]
    [InlineData("OperatorRole")]
    [InlineData("ExecutionLeaseDuration")]
    public void Validate_BadValue_FailsNamingTheProperty(string property)
    {
        var options = new SubjectRequestOptions();
        switch (property)
        {
            case "TimeZoneId": options.TimeZoneId = "Mars/Olympus"; break;
            case "PiplResponseDays": options.PiplResponseDays = 0; break;
            case "PiplExtensionDays": options.PiplExtensionDays = -1; break;
            case "DueSoonWindow": options.DueSoonWindow = TimeSpan.Zero; break;
            case "OperatorRole": options.OperatorRole = " "; break;
            default: options.ExecutionLeaseDuration = TimeSpan.FromSeconds(1); break;
        }

        var result = new SubjectRequestOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"SubjectRequestOptions.{property}", Assert.Single(result.Failures!));
    }

    [Fact]
    public void AddPrivacyKit_BadRequestOptions_FailOnResolve()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().ConfigureSubjectRequests(o => o.PiplResponseDays = 500);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SubjectRequestOptions>>().Value);

        Assert.Contains("PiplResponseDays", ex.Message);
    }
}
