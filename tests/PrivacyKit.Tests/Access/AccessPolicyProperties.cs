using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class AccessPolicyProperties
{
    /// <summary>A random acyclic role graph: role i may inherit only from roles j &lt; i.</summary>
    private static Arbitrary<bool[][]> AcyclicGraphs() =>
        Gen.Choose(1, 8)
            .SelectMany(n => Gen.ArrayOf(Gen.Elements(true, false, false), n * n).Select(flat =>
                Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => j < i && flat[(i * n) + j]).ToArray()).ToArray()))
            .ToArbitrary();

    private static AccessControlOptions Build(bool[][] edges)
    {
        var options = new AccessControlOptions();
        for (var i = 0; i < edges.Length; i++)
        {
            var role = options.AddRole($"r{i}").Allow(null, $"res{i}:read");
            for (var j = 0; j < edges.Length; j++)
            {
                if (edges[i][j])
                {
                    role.InheritFrom($"r{j}");
                }
            }
        }

        return options;
    }

    private static HashSet<int> Reachable(bool[][] edges, int from)
    {
        var seen = new HashSet<int> { from };
        var pending = new Stack<int>([from]);
        while (pending.TryPop(out var i))
        {
            for (var j = 0; j < edges.Length; j++)
            {
                if (edges[i][j] && seen.Add(j))
                {
                    pending.Push(j);
                }
            }
        }

        return seen;
    }

    [Property(MaxTest = 200)]
    public Property Inheritance_IsTransitive_RoleGrantsExactlyWhatItReaches() =>
        Prop.ForAll(AcyclicGraphs(), edges =>
        {
            var errors = AccessPolicyCompiler.Compile(Build(edges), 1, out var policy);
            if (errors.Count > 0)
            {
                return false;
            }

            for (var i = 0; i < edges.Length; i++)
            {
                var reachable = Reachable(edges, i);
                for (var j = 0; j < edges.Length; j++)
                {
                    if (policy!.Roles[$"r{i}"].Grants(Permission.Parse($"res{j}:read")) != reachable.Contains(j))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property Cycles_AreAlwaysRejected() =>
        Prop.ForAll(
            AcyclicGraphs().Generator.SelectMany(edges => Gen.Choose(0, edges.Length - 1).Select(k => (edges, k))).ToArbitrary(),
            input =>
            {
                var (edges, k) = input;

                // Close a cycle: the last role inherits from r{k} and r{k} from the last role (or itself).
                var options = Build(edges);
                var last = edges.Length - 1;
                options.Roles[$"r{k}"].InheritFrom($"r{last}");
                if (k != last)
                {
                    options.Roles[$"r{last}"].InheritFrom($"r{k}");
                }

                var errors = AccessPolicyCompiler.Compile(options, 1, out var policy);
                return policy is null && errors.Any(e => e.Contains("makes an inheritance cycle", StringComparison.Ordinal));
            });
}
