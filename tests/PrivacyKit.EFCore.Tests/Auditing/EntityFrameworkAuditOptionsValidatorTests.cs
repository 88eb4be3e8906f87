using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.EFCore.Auditing;

namespace PrivacyKit.EFCore.Tests.Auditing;

public sealed class EntityFrameworkAuditOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new EntityFrameworkAuditOptionsValidator().Validate(null, new EntityFrameworkAuditOptions()).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_BlankChainId_NamesTheProperty(string chainId)
    {
        var result = new EntityFrameworkAuditOptionsValidator().Validate(null, new EntityFrameworkAuditOptions { TransactionChainId = chainId });

        Assert.Contains("EntityFrameworkAuditOptions.TransactionChainId", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnknownReadClassification_FailWhenResolvedWithTheNameAndTheChoices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPrivacyKit().ConfigureEntityFrameworkAuditing(o =>
        {
            o.AuditReadsOf.Add("contact");
            o.AuditReadsOf.Add("Healthy");
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EntityFrameworkAuditOptions>>().Value);
        var failure = Assert.Single(ex.Failures);
        Assert.Contains("'Healthy'", failure, StringComparison.Ordinal);
        Assert.Contains("Sensitive", failure, StringComparison.Ordinal);
    }
}
