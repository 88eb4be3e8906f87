using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// What PrivacyKit knows about the current HTTP request: the actor, the subject's regime and Global Privacy Control.
/// Read it with <c>HttpContext.Features.Get&lt;IPrivacyRequestFeature&gt;()</c> after <c>UsePrivacyKit()</c>.
/// </summary>
/// <remarks>One instance per request; not thread-safe across requests. Its members do not throw.</remarks>
public interface IPrivacyRequestFeature
{
    /// <summary>Gets the actor built from the authenticated user, or <see langword="null"/> for an anonymous request.</summary>
    PrivacyActor? Actor { get; }

    /// <summary>Gets the privacy regime that applies to the request's subject (from the regime claim, else the default).</summary>
    PrivacyRegime Regime { get; }

    /// <summary>Gets the purpose of the request: the token's purpose claim, else the purpose header, else <see langword="null"/>.</summary>
    string? Purpose { get; }

    /// <summary>Gets the W3C trace id that correlates the request's audit events.</summary>
    string CorrelationId { get; }

    /// <summary>Gets a value indicating whether the request carried <c>Sec-GPC: 1</c> under a regime that honours it.</summary>
    bool GlobalPrivacyControl { get; }

    /// <summary>
    /// Gets a value indicating whether the request must be treated as opted out of sale and sharing for the signed-in
    /// subject: it carried an honoured Global Privacy Control signal, or the subject opted out before.
    /// </summary>
    bool IsOptedOutOfSaleOrSharing { get; }
}
