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
        var path = Path.Combine(Path.GetDirectoryName(here)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("PRIVACYKIT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with PRIVACYKIT_UPDATE_GOLDEN=1 once and commit it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
