namespace PrivacyKit.EFCore.Tests.TestSupport;

/// <summary>
/// Theory data running a test on every provider: <c>[Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]</c>.
/// PostgreSQL is left out only outside CI when no server is configured (under CI its absence fails the run).
/// </summary>
public static class ProviderData
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { nameof(DatabaseProvider.Sqlite) };
            if (TestDatabase.PostgresConnectionString is not null)
            {
                data.Add(nameof(DatabaseProvider.Postgres));
            }

            return data;
        }
    }

    internal static Task<TestDatabase> CreateAsync(string provider) =>
        TestDatabase.CreateAsync(Enum.Parse<DatabaseProvider>(provider));
}
