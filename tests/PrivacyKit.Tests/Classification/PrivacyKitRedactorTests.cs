using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Classification;

public sealed class PrivacyKitRedactorTests
{
    private const string Canary = "jane.canary@example.com";

    [Fact]
    public void Redact_PersonalValue_ReturnsFixedMaskWithoutValueOrLength()
    {
        var redactor = new PrivacyKitRedactor();
        Assert.Equal("****", redactor.Redact(Canary));
        Assert.Equal("****", redactor.Redact("x"));
        Assert.Equal(string.Empty, redactor.Redact(string.Empty));
    }

    [Fact]
    public void Redact_IntoSpan_WritesMaskAndReturnsLength()
    {
        var redactor = new PrivacyKitRedactor();
        var buffer = new char[redactor.GetRedactedLength(Canary)];
        var written = redactor.Redact(Canary.AsSpan(), buffer);
        Assert.Equal(4, written);
        Assert.Equal("****", new string(buffer));
    }

    private sealed class RecordingRedactionBuilder : IRedactionBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public List<(Type Redactor, DataClassificationSet[] Classifications)> Calls { get; } = [];

        public IRedactionBuilder SetRedactor<T>(params DataClassificationSet[] classifications)
            where T : Redactor
        {
            Calls.Add((typeof(T), classifications));
            return this;
        }

        public IRedactionBuilder SetFallbackRedactor<T>()
            where T : Redactor => this;
    }

    [Fact]
    public void SetPrivacyKitRedactor_RegistersRedactorForEveryPrivacyKitClassification()
    {
        var builder = new RecordingRedactionBuilder();
        Assert.Same(builder, builder.SetPrivacyKitRedactor());
        var (redactor, sets) = Assert.Single(builder.Calls);
        Assert.Equal(typeof(PrivacyKitRedactor), redactor);
        Assert.Equal(PrivacyClassifications.All.Select(c => new DataClassificationSet(c)), sets);
        Assert.Equal(7, sets.Length);
    }

    [Fact]
    public void SetPrivacyKitRedactor_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PrivacyKitRedactionBuilderExtensions.SetPrivacyKitRedactor(null!));
    }

    [Fact]
    public void PersonalDataAttribute_IsADataClassificationAttributeForLoggingGenerators()
    {
        DataClassificationAttribute attribute = new PersonalDataAttribute(PersonalDataCategory.Financial);
        Assert.Equal(PrivacyClassifications.Financial, attribute.Classification);
        Assert.Equal(PrivacyClassifications.Sensitive, new SensitiveDataAttribute().Classification);
    }
}
