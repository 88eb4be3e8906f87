using Microsoft.Extensions.Options;
using PrivacyKit.Consent;
using PrivacyKit.Internal;

namespace PrivacyKit.Classification;

internal sealed class DataMapProvider(
    IOptions<DataMapOptions> options,
    IEnumerable<IDataMapContributor> contributors,
    IOptions<ConsentOptions> consent) : IDataMapProvider
{
    private readonly Lazy<DataMap> _map = new(() => Build(options.Value, contributors, consent.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    public DataMap GetDataMap() => _map.Value;

    /// <summary>
    /// Checks that every purpose named in the map is a registered consent purpose. Skipped when no
    /// purposes are registered (the application does not use the consent registry).
    /// </summary>
    internal static void CheckPurposes(DataMap map, ConsentOptions consent)
    {
        if (consent.Purposes.Count == 0)
        {
            return;
        }

        var registered = consent.Purposes.Where(p => p is not null).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in map.Entities)
        {
            if (entity.Purposes.FirstOrDefault(p => !registered.Contains(p)) is { } unknown)
            {
                throw Error.UnknownPurposeInDataMap(entity.Name, null, unknown);
            }

            foreach (var field in entity.Fields)
            {
                if (field.Purposes.FirstOrDefault(p => !registered.Contains(p)) is { } unknownField)
                {
                    throw Error.UnknownPurposeInDataMap(entity.Name, field.Name, unknownField);
                }
            }
        }
    }

    internal static DataMap Build(DataMapOptions options, IEnumerable<IDataMapContributor> contributors, ConsentOptions consent)
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

        var map = builder.Build();
        CheckPurposes(map, consent);
        return map;
    }
}
