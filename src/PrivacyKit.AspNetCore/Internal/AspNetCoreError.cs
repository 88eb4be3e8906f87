using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Internal;

/// <summary>The adapter's exception factory: messages say what to fix and never hold personal values.</summary>
internal static class AspNetCoreError
{
    public static InvalidOperationException NoHttpContext(string purposeId) =>
        new($"The consent requirement for purpose '{purposeId}' was evaluated outside an HTTP request: pass the HttpContext as the resource, or check consent with IConsentService.");

    public static ConsentException UnknownPurposeOnEndpoint(string endpoint, string purposeId, IEnumerable<string> known) =>
        new($"The endpoint '{endpoint}' requires consent to purpose '{purposeId}', which is not configured: add it with ConfigureConsent(o => o.AddPurpose(...)) or fix the name (configured: {string.Join(", ", known.Order(StringComparer.Ordinal))}).", purposeId);

    public static InsecureTransportException InsecureTransport(IReadOnlyList<string> findings) =>
        new($"The application refuses to start outside Development because PrivacyKitAspNetCoreOptions.RefuseInsecureTransport is on: {string.Join(" ", findings)}")
        {
            Findings = findings,
        };
}
