using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.AspNetCore.Tests.TestSupport;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Tests.Internal;

public sealed class PrivacyKitAspNetCoreOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new PrivacyKitAspNetCoreOptionsValidator().Validate(null, new PrivacyKitAspNetCoreOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachPropertyToFix()
    {
        var options = new PrivacyKitAspNetCoreOptions { SubjectIdClaimType = " ", ExportPermitLimit = 0, ExportWindow = TimeSpan.Zero, DefaultRegime = (PrivacyRegime)42 };
        options.MultiFactorMethods.Clear();

        var result = new PrivacyKitAspNetCoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("PrivacyKit:AspNetCore:SubjectIdClaimType", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("PrivacyKit:AspNetCore:ExportPermitLimit must be at least 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("PrivacyKit:AspNetCore:ExportWindow", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("PrivacyKit:AspNetCore:DefaultRegime", StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.StartsWith("PrivacyKit:AspNetCore:MultiFactorMethods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsAtStartUp()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(o => o.ExportPermitLimit = -1));

        Assert.Contains("ExportPermitLimit", ex.Message, StringComparison.Ordinal);
    }
}
