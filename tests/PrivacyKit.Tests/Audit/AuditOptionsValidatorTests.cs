using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditOptionsValidatorTests
{
    private const string CanaryKey = "Q0FOQVJZLXNlY3JldC1rZXk="; // base64 of 19 bytes: too short

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions()).Succeeded);

    [Theory]
    [InlineData(nameof(AuditOptions.QueueCapacity))]
    [InlineData(nameof(AuditOptions.MaxBatchSize))]
    [InlineData(nameof(AuditOptions.SinkRetryCount))]
    [InlineData(nameof(AuditOptions.CheckpointInterval))]
    [InlineData(nameof(AuditOptions.SinkRetryDelay))]
    [InlineData(nameof(AuditOptions.ChainKeyId))]
    [InlineData(nameof(AuditOptions.DefaultDelivery))]
    public void Validate_OutOfRange_NamesTheProperty(string property)
    {
        var o = new AuditOptions();
        switch (property)
        {
            case nameof(AuditOptions.QueueCapacity): o.QueueCapacity = 0; break;
            case nameof(AuditOptions.MaxBatchSize): o.MaxBatchSize = 100_001; break;
            case nameof(AuditOptions.SinkRetryCount): o.SinkRetryCount = -1; break;
            case nameof(AuditOptions.CheckpointInterval): o.CheckpointInterval = 0; break;
            case nameof(AuditOptions.SinkRetryDelay): o.SinkRetryDelay = TimeSpan.FromHours(1); break;
            case nameof(AuditOptions.ChainKeyId): o.ChainKeyId = "bad id"; break;
            default: o.DefaultDelivery = (AuditDelivery)9; break;
        }

        var result = new AuditOptionsValidator().Validate(null, o);
        Assert.True(result.Failed);
        Assert.Contains("AuditOptions." + property, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortKey_FailsWithoutShowingTheKey()
    {
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { ChainKey = CanaryKey });
        Assert.Contains("AuditOptions.ChainKey must be a base64-encoded key of at least 32 bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameKeyForChainAndValues_Fails()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { ChainKey = key, ValueHashKey = key });
        Assert.Contains("must differ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PreviousKeyReusingCurrentId_Fails()
    {
        var o = new AuditOptions();
        o.PreviousChainKeys["chain-1"] = Convert.ToBase64String(new byte[32]);
        Assert.Contains("must not reuse the id 'chain-1'", new AuditOptionsValidator().Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacyKit_InvalidAuditOptions_FailOnFirstUse()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().ConfigureAudit(o => o.QueueCapacity = -5);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuditOptions>>().Value);
        Assert.Contains("QueueCapacity", ex.Message, StringComparison.Ordinal);
    }
}
