using System.Runtime.CompilerServices;
using PrivacyKit.Classification;

namespace PrivacyKit.Tests.Classification;

/// <summary>
/// Compares the data map of the sample CRM model (SampleCrmModel.cs) with committed golden files, byte for byte.
/// Set PRIVACYKIT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed partial class DataMapTests
{
    private static DataMap SampleMap() => new DataMapBuilder()
        .Add<Customer>()
        .Add<Invoice>()
        .Add<SupportTicket>()
        .Build();

    [Fact]
    public void ToJson_SampleModel_MatchesGoldenFile() => AssertGolden("data-map.json", SampleMap().ToJson());

    [Fact]
    public void ToMarkdown_SampleModel_MatchesGoldenFile() => AssertGolden("data-map.md", SampleMap().ToMarkdown());

    private static void AssertGolden(string name, string actual, [CallerFilePath] string here = "")
    {
        // Deterministic CI builds map source paths to /_/, so the comparison reads the copy placed
        // beside the test assembly; only an update writes to the source tree.
        var path = Path.Combine(AppContext.BaseDirectory, "Classification", "Golden", name);
        if (Environment.GetEnvironmentVariable("PRIVACYKIT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(here)!, "Golden", name), actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with PRIVACYKIT_UPDATE_GOLDEN=1 once and commit it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
