using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

/// <summary>
/// Does what <c>dotnet ef dbcontext optimize</c> does — generates the compiled model's C# from a context's design-time
/// model — and then what the application's build does: compiles it (Roslyn, in memory) and loads it.
/// </summary>
internal static class CompiledModelCompiler
{
    public const string ModelNamespace = "Crm.Compiled";

    /// <summary>The compiled-model source files of <paramref name="context"/>'s model (SQLite design-time services).</summary>
    public static IReadOnlyCollection<ScaffoldedFile> Generate(DbContext context)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // the provider's design-time services are how the dotnet-ef tool builds them too
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions { Language = "C#", ModelNamespace = ModelNamespace, ContextType = context.GetType() };
        var generator = provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options);
        return generator.GenerateModel(context.GetService<IDesignTimeModel>().Model, options);
    }

    /// <summary>Compiles <paramref name="files"/> against every assembly loaded now and returns <c>{Context}Model.Instance</c>.</summary>
    /// <exception cref="InvalidOperationException">The generated code does not compile; the message lists the errors.</exception>
    public static IModel CompileAndLoad(IReadOnlyCollection<ScaffoldedFile> files, Type contextType)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Code, new CSharpParseOptions(LanguageVersion.Latest), path: f.Path));
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create(
            "CompiledModel" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("The compiled model does not compile:\n" + string.Join("\n", errors));
        }

        var assembly = Assembly.Load(image.ToArray());
        var modelType = assembly.GetType($"{ModelNamespace}.{contextType.Name}Model", throwOnError: true)!;
        return (IModel)modelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
