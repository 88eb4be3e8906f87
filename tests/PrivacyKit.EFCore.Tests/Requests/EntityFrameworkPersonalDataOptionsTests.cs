using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Requests;

public sealed class EntityFrameworkPersonalDataOptionsTests
{
    [Theory]
    [InlineData(0, null, "BatchSize is 0; set it between 1 and 10000")]
    [InlineData(10_001, null, "BatchSize is 10001")]
    [InlineData(100, " ", "SourceName is blank")]
    public void Get_InvalidOptions_FailsValidationNamingTheProperty(int batchSize, string? sourceName, string expected)
    {
        using var provider = Services(o =>
        {
            o.BatchSize = batchSize;
            o.SourceName = sourceName;
        });

        var ex = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<EntityFrameworkPersonalDataOptions>>().Get(typeof(CrmContext).FullName));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CrmContext), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEntityFrameworkPersonalData_CalledTwice_OneSourceWithBothConfigurations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<CrmContext>(o => o.UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        services.AddPrivacyKit()
            .AddEntityFrameworkPersonalData<CrmContext>(o => o.Erase("Note", ErasureStrategy.Anonymise))
            .AddEntityFrameworkPersonalData<CrmContext>(o => o.Recipients.Add("auditor"));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        // The core registers its consent source on its own; the EF source must be there exactly once.
        var source = Assert.Single(scope.ServiceProvider.GetServices<IPersonalDataSource>(), s => s.Name.StartsWith("efcore:", StringComparison.Ordinal));
        var options = provider.GetRequiredService<IOptionsMonitor<EntityFrameworkPersonalDataOptions>>().Get(typeof(CrmContext).FullName);

        Assert.Equal("efcore:CrmContext", source.Name);
        Assert.Equal(ErasureStrategy.Anonymise, options.ErasureStrategies["Note"]);
        Assert.Equal(["auditor"], options.Recipients);
    }

    [Fact]
    public void Erase_UndefinedStrategy_Throws()
    {
        var options = new EntityFrameworkPersonalDataOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Erase("Customer", (ErasureStrategy)9));
        Assert.Throws<ArgumentException>(() => options.Anonymise(" ", "Name", null));
        Assert.Throws<ArgumentNullException>(() => options.RestrictWith("Customer", null!));
    }

    private static ServiceProvider Services(Action<EntityFrameworkPersonalDataOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<CrmContext>(o => o.UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        services.AddPrivacyKit().AddEntityFrameworkPersonalData<CrmContext>(configure);
        return services.BuildServiceProvider();
    }
}
