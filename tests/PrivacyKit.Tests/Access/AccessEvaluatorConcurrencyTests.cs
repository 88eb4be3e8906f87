using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Access;

public sealed class AccessEvaluatorConcurrencyTests
{
    private static readonly Permission Read = Permission.Parse("customers:read");
    private static readonly Permission Export = Permission.Parse("customers:export");

    // Shape A: own rows, contact in clear, export allowed. Shape B: all rows, contact hidden, no export.
    private static AccessControlOptions ShapeA()
    {
        var options = new AccessControlOptions();
        options.AddRole("r").Allow(RowScope.Own, "customers:read", "customers:export").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Clear);
        return options;
    }

    private static AccessControlOptions ShapeB()
    {
        var options = new AccessControlOptions();
        options.AddRole("r").Allow(RowScope.All, "customers:read").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Hidden);
        return options;
    }

    [Fact]
    public async Task EvaluateAsync_ReloadUnderLoad_EveryDecisionMatchesExactlyOneVersion()
    {
        using var host = new AccessTestHost(o =>
        {
            o.AddRole("r").Allow(RowScope.Own, "customers:read", "customers:export").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Clear);
        });
        var actors = Enumerable.Range(0, 8).Select(i => new PrivacyActor($"u-{i}")).ToArray();
        foreach (var actor in actors)
        {
            await host.GrantAsync(actor.Id, "r");
        }

        var shapeAVersions = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        shapeAVersions[host.Policies.Version] = true;
        using var stop = new CancellationTokenSource();
        var mixed = 0;
        var checkedDecisions = 0;

        // Readers and the reloader run on their own threads: evaluations complete synchronously, so
        // pool threads would spin and starve each other on a small machine.
        var readers = Enumerable.Range(0, 3).Select(n => Task.Factory.StartNew(async () =>
        {
            var i = n;
            while (!stop.IsCancellationRequested)
            {
                var actor = actors[i++ % actors.Length];
                var read = await host.Evaluator.EvaluateAsync(actor, Read);
                var export = await host.Evaluator.EvaluateAsync(actor, Export);
                if (!IsShapeA(read) && !IsShapeB(read))
                {
                    Interlocked.Increment(ref mixed);
                }

                // The version tells which definitions made the decision; the decision must look like them.
                if (shapeAVersions.TryGetValue(read.PolicyVersion, out var isA) && isA != IsShapeA(read))
                {
                    Interlocked.Increment(ref mixed);
                }

                if (shapeAVersions.TryGetValue(export.PolicyVersion, out var exportIsA) && exportIsA != export.IsAllowed)
                {
                    Interlocked.Increment(ref mixed);
                }

                Interlocked.Increment(ref checkedDecisions);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();

        await Task.Factory.StartNew(
            () =>
            {
                for (var reload = 0; reload < 200; reload++)
                {
                    // Let the readers decide a few times under each version before swapping again.
                    var seen = Volatile.Read(ref checkedDecisions);
                    SpinWait.SpinUntil(() => Volatile.Read(ref checkedDecisions) > seen + 3, TimeSpan.FromMilliseconds(50));
                    var useA = reload % 2 == 1;
                    var next = useA ? ShapeA() : ShapeB();
                    lock (shapeAVersions)
                    {
                        host.Policies.Reload(next);
                        shapeAVersions[host.Policies.Version] = useA;
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(0, mixed);
        Assert.True(checkedDecisions > 0);
        var final = await host.Evaluator.EvaluateAsync(actors[0], Read);
        Assert.Equal(host.Policies.Version, final.PolicyVersion);
        Assert.True(IsShapeA(final));
    }

    [Fact]
    public async Task EvaluateAsync_RevokeUnderLoad_NoGrantAfterRevocationCompletes()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        var actor = new PrivacyActor("u-1");
        using var stop = new CancellationTokenSource();
        var evaluations = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await host.Evaluator.EvaluateAsync(actor, Read);
                    Interlocked.Increment(ref evaluations);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref evaluations) > 100, TimeSpan.FromSeconds(5));

        await host.Roles.RevokeAsync(assignment.Id, AccessTestHost.Administrator);
        var afterRevoke = new List<bool>();
        for (var i = 0; i < 50; i++)
        {
            afterRevoke.Add((await host.Evaluator.EvaluateAsync(actor, Read)).IsAllowed);
        }

        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.DoesNotContain(true, afterRevoke);
    }

    private static bool IsShapeA(AccessDecision d) =>
        d.IsAllowed && d.Rows.Scope == RowScope.Own && d.Fields.GetAccess(PrivacyClassifications.Contact) == FieldAccess.Clear;

    private static bool IsShapeB(AccessDecision d) =>
        d.IsAllowed && d.Rows.Scope == RowScope.All && d.Fields.GetAccess(PrivacyClassifications.Contact) == FieldAccess.Hidden;
}
