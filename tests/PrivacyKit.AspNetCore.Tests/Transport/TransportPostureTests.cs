using PrivacyKit.AspNetCore.Transport;

namespace PrivacyKit.AspNetCore.Tests.Transport;

public sealed class TransportPostureTests
{
    [Theory]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:5000")]
    [InlineData("http://crm.example.com:80/base")]
    [InlineData("http://[::]:80")]
    public void Evaluate_PlainHttpReachableWithoutHsts_ReportsTheAddress(string address)
    {
        var finding = Assert.Single(TransportPosture.Evaluate([address], hstsConfigured: false, [], tlsTerminatedByProxy: false));

        Assert.Contains($"'{address}'", finding, StringComparison.Ordinal);
        Assert.Contains("HSTS", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://0.0.0.0:443")]
    public void Evaluate_LoopbackOrHttps_ReportsNothing(string address)
    {
        Assert.Empty(TransportPosture.Evaluate([address], hstsConfigured: false, [], tlsTerminatedByProxy: false));
    }

    [Fact]
    public void Evaluate_HstsOrProxy_AcceptsPlainHttpBinding()
    {
        Assert.Empty(TransportPosture.Evaluate(["http://0.0.0.0:80"], hstsConfigured: true, [], tlsTerminatedByProxy: false));
        Assert.Empty(TransportPosture.Evaluate(["http://0.0.0.0:80"], hstsConfigured: false, [], tlsTerminatedByProxy: true));
    }

    [Theory]
    [InlineData("Host=db.example.com;Database=crm;Username=crm;Password=s3cret-canary;SSL Mode=Disable")]
    [InlineData("Host=10.0.0.5;SSL Mode=Prefer;Password=s3cret-canary")]
    [InlineData("Server=sql.example.com,1433;Database=crm;Encrypt=False;Password=s3cret-canary")]
    [InlineData("Server=tcp:sql.example.com;Encrypt=Optional;Password=s3cret-canary")]
    [InlineData("Server=mysql.example.com;SslMode=None;Password=s3cret-canary")]
    public void Evaluate_NetworkDatabaseWithoutTls_ReportsConnectionNameNotSecret(string connectionString)
    {
        var finding = Assert.Single(TransportPosture.Evaluate([], false, [KeyValuePair.Create("Crm", (string?)connectionString)], false));

        Assert.Contains("'ConnectionStrings:Crm'", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-canary", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=crm.db")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Host=localhost;SSL Mode=Disable")]
    [InlineData("Host=/var/run/postgresql;SSL Mode=Disable")]
    [InlineData("Server=(local);Encrypt=False")]
    [InlineData("Host=db.example.com;SSL Mode=VerifyFull")]
    [InlineData("Server=sql.example.com;Encrypt=True")]
    [InlineData("Host=db.example.com")]
    [InlineData("not a connection string at all ===;;")]
    public void Evaluate_LocalOrTlsDatabase_ReportsNothing(string connectionString)
    {
        Assert.Empty(TransportPosture.Evaluate([], false, [KeyValuePair.Create("Crm", (string?)connectionString)], false));
    }
}
