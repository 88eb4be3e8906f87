using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Retention;

public sealed class RetentionOptionsValidatorTests
{
    private static string Fail(Action<RetentionOptions> configure)
    {
        var options = new RetentionOptions();
        configure(options);
        var result = new RetentionOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }

    [Fact]
    public void Validate_MalformedPeriod_NamesEntityAndProperty()
    {
        var message = Fail(o => o.Rules.Add(new RetentionRule { EntityType = "Invoice", Property = "DeliveryAddress", Period = "18 months", From = "IssuedAt", Action = RetentionAction.Anonymise }));
        Assert.Contains("rule for Invoice.DeliveryAddress: Period is malformed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FieldRuleThatDeletes_Fails()
    {
        var message = Fail(o => o.AddRule("Invoice", "P1Y", "IssuedAt", RetentionAction.Delete, "Iban"));
        Assert.Contains("a field can only be anonymised", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateRule_Fails()
    {
        var message = Fail(o => o.AddRule("Invoice", "P1Y", "IssuedAt").AddRule("Invoice", "P2Y", "IssuedAt"));
        Assert.Contains("more than one rule for Invoice", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyFieldsAndZeroPeriod_ReportEach()
    {
        var message = Fail(o => o.Rules.Add(new RetentionRule { Period = "P0D" }));
        Assert.Contains("EntityType is empty", message, StringComparison.Ordinal);
        Assert.Contains("Period is zero", message, StringComparison.Ordinal);
        Assert.Contains("From is empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_MalformedPeriod_FailsOnResolve()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().ConfigureRetention(o => o.Rules.Add(new RetentionRule { EntityType = "Invoice", Period = "P1X", From = "IssuedAt" }));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RetentionOptions>>().Value);
        Assert.Contains("Invoice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRule_EmptyArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new RetentionOptions().AddRule(" ", "P1Y", "At"));
        Assert.Throws<ArgumentNullException>(() => new RetentionOptions().AddRule("E", null!, "At"));
    }
}
