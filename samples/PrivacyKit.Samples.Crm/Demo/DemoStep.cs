namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>One numbered step of the demo: what it shows, in one line, and the code that shows and checks it.</summary>
public sealed record DemoStep(string Title, string Explanation, Func<StepContext, Task> Run);
