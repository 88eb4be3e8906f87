using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Tests.Encryption;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

/// <summary>EF's compiled-model generator (what <c>dotnet ef dbcontext optimize</c> runs) over a PrivacyKit model.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public async Task GenerateModel_PrivacyKitModel_WritesEveryAnnotationIntoTheCompiledModel()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext();

        var files = CompiledModelCompiler.Generate(context);

        var code = string.Join("\n", files.Select(f => f.Code));
        Assert.Contains($"\"{PrivacyKitAnnotationNames.CiphertextFor}\"", code, StringComparison.Ordinal);
        Assert.Contains($"\"{PrivacyKitAnnotationNames.BlindIndexFor}\"", code, StringComparison.Ordinal);
        Assert.Contains("\"PrivacyKit:PlaintextMaxLength\", 100", code, StringComparison.Ordinal);
        Assert.Contains("\"EmailCiphertext\"", code, StringComparison.Ordinal);
    }
}
