using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
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
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // the provider's design-time services are how the dotnet-ef tool builds them too
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions { Language = "C#", ModelNamespace = "Crm.Compiled", ContextType = typeof(CrmContext) };
        var generator = provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);

        var files = generator.GenerateModel(context.GetService<IDesignTimeModel>().Model, options);

        var code = string.Join("\n", files.Select(f => f.Code));
        Assert.Contains($"\"{PrivacyKitAnnotationNames.CiphertextFor}\"", code, StringComparison.Ordinal);
        Assert.Contains($"\"{PrivacyKitAnnotationNames.BlindIndexFor}\"", code, StringComparison.Ordinal);
        Assert.Contains("\"PrivacyKit:PlaintextMaxLength\", 100", code, StringComparison.Ordinal);
        Assert.Contains("\"EmailCiphertext\"", code, StringComparison.Ordinal);
    }
}
