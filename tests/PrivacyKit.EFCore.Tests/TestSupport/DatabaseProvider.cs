namespace PrivacyKit.EFCore.Tests.TestSupport;

/// <summary>The database servers the EF Core tests run against.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
