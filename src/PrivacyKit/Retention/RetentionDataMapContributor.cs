using Microsoft.Extensions.Options;
using PrivacyKit.Classification;

namespace PrivacyKit.Retention;

/// <summary>Shows configured retention rules in the data map, on the entities and fields it has.</summary>
internal sealed class RetentionDataMapContributor(IOptions<RetentionOptions> options) : IDataMapContributor
{
    public void Contribute(DataMapBuilder builder)
    {
        foreach (var rule in options.Value.Rules)
        {
            var entity = builder.Find(rule.EntityType);
            if (entity is not null && (rule.Property is null || entity.FindField(rule.Property) is not null))
            {
                builder.SetRetention(RetentionPolicies.FromRule(rule));
            }
        }
    }
}
