using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task AccessAsync(StepContext step)
    {
        var evaluator = Services.GetRequiredService<IAccessEvaluator>();
        var binding = Services.GetRequiredService<IRowScopeResolver>().GetBinding(typeof(Customer))!;
        var customers = await session.InScopeAsync(sp => sp.GetRequiredService<CrmDbContext>().Customers.AsNoTracking().OrderBy(c => c.LastName).ToListAsync());
        var jane = customers.Single(c => c.Id == Jane);

        // Who should see what: row counts follow SeedData's owners and teams, e-mails the roles' field rules.
        var expected = new (string User, int? Rows, string? JaneEmail)[]
        {
            ("u-alice", customers.Count(c => c.OwnerId == "u-alice"), jane.Email),
            ("u-carol", customers.Count(c => c.TeamId == "north"), jane.Email),
            ("u-sam", customers.Count, "j***@example.com"),
            ("u-mia", customers.Count, jane.Email),
            ("u-dora", customers.Count, jane.Email),
            ("u-adam", null, null),
        };
        foreach (var (user, rows, janeEmail) in expected)
        {
            var actor = DemoSession.Actor(user);
            var decision = await evaluator.EvaluateAsync(actor, Permission.Parse("customers:read"));
            var role = string.Join(",", decision.HeldRoles);
            if (!decision.IsAllowed)
            {
                step.Show($"{user,-8} {role,-14} customers:read denied ({decision.Reason})");
                step.Expect($"{user} may read customers", rows is null, "denied");
                continue;
            }

            var visible = customers.Where(c => decision.Rows.Matches(c, binding)).ToList();
            var email = decision.Fields.Apply(jane.Email, PrivacyClassifications.Contact, nameof(Customer.Email));
            var health = decision.Fields.Apply(jane.HealthNotes, PrivacyClassifications.Sensitive, nameof(Customer.HealthNotes));
            step.Show($"{user,-8} {role,-14} {decision.Rows.Scope,-4} {visible.Count} customers ({string.Join(", ", visible.Select(c => c.LastName))})");
            if (visible.Contains(jane))
            {
                step.Show($"{"",-24}Jane's e-mail: {email ?? "(hidden)"}, health notes: {health ?? "(hidden)"}");
            }

            step.Expect($"customers {user} reaches", rows, visible.Count);
            step.Expect($"Jane's e-mail as {user} sees it", janeEmail, visible.Contains(jane) ? email : janeEmail);
            step.Expect($"Jane's health notes visible to {user}", user == "u-dora", health is not null);
        }
    }
}
