namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>What a step uses to print what it did and to check that it behaved as expected.</summary>
public sealed class StepContext(TextWriter output)
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Show(string line) => output.WriteLine("      " + line);

    /// <summary>Records a failed expectation when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public void Expect<T>(string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _failures.Add($"{what}: expected {expected}, got {actual}");
        }
    }

    /// <summary>Records a failed expectation, with what was seen instead, when <paramref name="condition"/> is false.</summary>
    public void Expect(string what, bool condition, string seen)
    {
        if (!condition)
        {
            _failures.Add($"{what}: got {seen}");
        }
    }
}
