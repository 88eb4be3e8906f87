using PrivacyKit.Consent;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>Why the CRM processes customer data: serving the customer (a contract) and marketing (consent).</summary>
public static class CrmPurposes
{
    public const string Service = "service";
    public const string Marketing = "marketing";

    /// <summary>The marketing policy in force when the demo starts; the demo later publishes <see cref="CurrentMarketingPolicy"/>.</summary>
    public const string FirstMarketingPolicy = "2026-01";

    /// <summary>The marketing policy the CRM runs with (<c>serve</c>, the operator commands).</summary>
    public const string CurrentMarketingPolicy = "2026-06";

    public static string MarketingPolicyText(string version) =>
        $"Marketing policy {version}: we e-mail you offers about our products until you withdraw consent.";

    public static void Configure(ConsentOptions options, string marketingPolicyVersion)
    {
        options.AddPurpose(new ConsentPurpose
        {
            Id = Service,
            Description = "Serving the customer: sales, support and the contract",
            LawfulBasis = LawfulBasis.Contract,
        });
        options.AddPurpose(new ConsentPurpose
        {
            Id = Marketing,
            Description = "E-mail newsletters and offers",
            LawfulBasis = LawfulBasis.Consent,
            PolicyVersion = marketingPolicyVersion,
            PolicyTextHash = ConsentPurpose.HashPolicyText(MarketingPolicyText(marketingPolicyVersion)),
        });
    }
}
