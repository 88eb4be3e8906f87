namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>
/// Runs the demo's steps in order, prints each with its explanation and result, and keeps going after a
/// failure so that one run shows everything that differs. Exit code 0 only when every step passed.
/// </summary>
public sealed class DemoRunner(TextWriter output)
{
    public async Task<int> RunAsync(IReadOnlyList<DemoStep> steps)
    {
        var failed = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            output.WriteLine();
            output.WriteLine($"[{i + 1,2}/{steps.Count}] {step.Title}");
            output.WriteLine($"        {step.Explanation}");
            var context = new StepContext(output);
            try
            {
                await step.Run(context);
            }
            catch (Exception ex)
            {
                context.Expect("the step to run without an exception", false, $"{ex.GetType().Name}: {ex.Message}");
            }

            if (context.Failures.Count == 0)
            {
                output.WriteLine("      -> ok");
                continue;
            }

            failed.Add($"{i + 1}. {step.Title}");
            foreach (var failure in context.Failures)
            {
                output.WriteLine($"      -> FAILED: {failure}");
            }
        }

        output.WriteLine();
        if (failed.Count == 0)
        {
            output.WriteLine($"All {steps.Count} steps behaved as expected.");
            return ExitCodes.Success;
        }

        output.WriteLine($"{failed.Count} of {steps.Count} steps did not behave as expected: {string.Join("; ", failed)}");
        return ExitCodes.CheckFailed;
    }
}
