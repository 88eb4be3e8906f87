using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.Samples.Crm.Data;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task AccessAsync(StepContext step)
    {
        var all = session.Seeded.Values.ToList();
        var jane = session.Seeded[Jane];

        // Who should see what: rows follow SeedData's owners and teams, e-mails and health notes the roles' field rules.
        var expected = new (string User, int Rows, string? JaneEmail, string? JaneHealth)[]
        {
            ("u-alice", all.Count(c => c.OwnerId == "u-alice"), jane.Email, null),
            ("u-carol", all.Count(c => c.TeamId == "north"), jane.Email, null),
            ("u-sam", all.Count, "j***@example.com", null),
            ("u-mia", all.Count, jane.Email, null),
            ("u-dora", all.Count, jane.Email, jane.HealthNotes),
            ("u-adam", 0, null, null),
        };
        step.Show("the CRM's own query, unchanged: await db.Customers.AsNoTracking().ToListAsync()");
        foreach (var (user, rows, janeEmail, janeHealth) in expected)
        {
            var role = string.Join(",", DemoSession.Actor(user).Roles);
            List<Domain.Customer> visible;
            using (session.ActAs(user))
            {
                visible = await session.InScopeAsync(sp => sp.GetRequiredService<CrmDbContext>().Customers.AsNoTracking().ToListAsync());
            }

            var seen = visible.SingleOrDefault(c => c.Id == Jane);
            step.Show($"{user,-8} {role,-14} {visible.Count} customers ({string.Join(", ", visible.Select(c => c.LastName).Order(StringComparer.Ordinal))})");
            if (seen is not null)
            {
                step.Show($"{"",-24}Jane's e-mail: {seen.Email}, health notes: {seen.HealthNotes ?? "(hidden)"}, income: {seen.AnnualIncome?.ToString() ?? "(hidden)"}");
            }

            step.Expect($"customers {user} reaches", rows, visible.Count);
            step.Expect($"Jane as {user} sees her", (janeEmail, janeHealth), (seen?.Email, seen?.HealthNotes));
        }

        var decision = await Services.GetRequiredService<IAccessEvaluator>().EvaluateAsync(DemoSession.Actor("u-adam"), Permission.Parse("customers:read"));
        step.Show($"u-adam holds no customers:read ({decision.Reason}): his query returns no rows rather than failing open");
    }
}
