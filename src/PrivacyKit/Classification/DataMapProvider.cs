using Microsoft.Extensions.Options;

namespace PrivacyKit.Classification;

internal sealed class DataMapProvider(IOptions<DataMapOptions> options, IEnumerable<IDataMapContributor> contributors) : IDataMapProvider
{
    private readonly Lazy<DataMap> _map = new(() => Build(options.Value, contributors), LazyThreadSafetyMode.ExecutionAndPublication);

    public DataMap GetDataMap() => _map.Value;

    private static DataMap Build(DataMapOptions options, IEnumerable<IDataMapContributor> contributors)
    {
        var builder = new DataMapBuilder();
        foreach (var type in options.EntityTypes)
        {
            builder.Add(type);
        }

        foreach (var contributor in contributors)
        {
            contributor.Contribute(builder);
        }

        return builder.Build();
    }
}
