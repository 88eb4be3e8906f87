using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Data;

/// <summary>A small, fixed set of users and customers. Every person here is invented.</summary>
public static class SeedData
{
    public static IReadOnlyList<User> Users { get; } =
    [
        new() { Id = "u-alice", DisplayName = "Alice (sales rep)", Role = "sales-rep", TeamId = "north" },
        new() { Id = "u-bob", DisplayName = "Bob (sales rep)", Role = "sales-rep", TeamId = "north" },
        new() { Id = "u-raj", DisplayName = "Raj (sales rep)", Role = "sales-rep", TeamId = "south" },
        new() { Id = "u-carol", DisplayName = "Carol (sales manager)", Role = "sales-manager", TeamId = "north" },
        new() { Id = "u-sam", DisplayName = "Sam (support)", Role = "support", TeamId = "support" },
        new() { Id = "u-mia", DisplayName = "Mia (marketing)", Role = "marketing", TeamId = "marketing" },
        new() { Id = "u-dora", DisplayName = "Dora (data protection officer)", Role = "dpo", TeamId = "legal" },
        new() { Id = "u-adam", DisplayName = "Adam (administrator)", Role = "admin", TeamId = "it" },
    ];

    public static IReadOnlyList<Customer> Customers(DateTimeOffset now)
    {
        Customer Make(string id, string owner, string team, string first, string last, string email, string phone, int birthYear) => new()
        {
            Id = Guid.Parse(id),
            OwnerId = owner,
            TeamId = team,
            FirstName = first,
            LastName = last,
            Email = email,
            Phone = phone,
            DateOfBirth = new DateOnly(birthYear, 3, 14),
            AnnualIncome = 52_000m + birthYear,
            CreatedAt = now.AddDays(-400),
            LastContactedAt = now.AddDays(-20),
        };

        var customers = new List<Customer>
        {
            Make("00000000-0000-0000-0000-00000000c001", "u-alice", "north", "Jane", "Doe", "jane.doe@example.com", "+44 20 7946 0001", 1985),
            Make("00000000-0000-0000-0000-00000000c002", "u-alice", "north", "Omar", "Haddad", "omar.haddad@example.net", "+44 20 7946 0002", 1979),
            Make("00000000-0000-0000-0000-00000000c003", "u-bob", "north", "Li", "Wei", "li.wei@example.org", "+86 10 5555 0003", 1990),
            Make("00000000-0000-0000-0000-00000000c004", "u-raj", "south", "Maria", "Garcia", "maria.garcia@example.com", "+34 91 555 0004", 1972),
            Make("00000000-0000-0000-0000-00000000c005", "u-raj", "south", "Tom", "Becker", "tom.becker@example.de", "+49 30 5555 0005", 1968),
        };
        customers[0].HealthNotes = "Allergic to penicillin";
        customers[0].Contacts.Add(new Contact { Name = "John Doe", Email = "john.doe@example.com", Phone = "+44 20 7946 0101", Relationship = "spouse" });
        customers[0].Deals.Add(new Deal { Title = "Annual plan", Amount = 12_000m, Stage = DealStage.Proposal, CreatedAt = now.AddDays(-30) });
        customers[0].Notes.Add(new Note { AuthorId = "u-alice", Text = "Prefers calls after 5pm.", CreatedAt = now.AddDays(-25) });
        customers[0].Activities.Add(new Activity { Kind = "call", Subject = "Renewal discussion", At = now.AddDays(-20) });
        customers[2].Deals.Add(new Deal { Title = "Starter pack", Amount = 900m, Stage = DealStage.Won, CreatedAt = now.AddDays(-90), ClosedAt = now.AddDays(-60) });
        customers[3].Notes.Add(new Note { AuthorId = "u-raj", Text = "Met at the Madrid trade fair.", CreatedAt = now.AddDays(-200) });
        return customers;
    }
}
