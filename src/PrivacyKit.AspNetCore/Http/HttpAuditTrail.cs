using Microsoft.AspNetCore.Http;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Http;

/// <summary>
/// Decorates the audit trail: events recorded during an HTTP request get the client IP and user agent as keyed
/// hashes (never in clear) and the request's correlation id when the caller set none.
/// </summary>
internal sealed class HttpAuditTrail(IAuditTrail inner, IHttpContextAccessor httpContextAccessor, IAuditValueHasher hasher) : IAuditTrail
{
    internal const string ClientIpField = "http.clientIp";
    internal const string UserAgentField = "http.userAgent";
    internal const string ClientIpProperty = "clientIpHash";
    internal const string UserAgentProperty = "userAgentHash";

    public IAuditTrail Inner => inner;

    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var httpContext = httpContextAccessor.HttpContext;
        if (httpContext is null)
        {
            return inner.RecordAsync(auditEvent, cancellationToken);
        }

        var properties = new Dictionary<string, string>(auditEvent.Properties, StringComparer.Ordinal);
        if (httpContext.Connection.RemoteIpAddress is { } ip)
        {
            properties.TryAdd(ClientIpProperty, hasher.Hash(ClientIpField, ip.ToString()));
        }

        var userAgent = httpContext.Request.Headers.UserAgent.ToString();
        if (userAgent.Length > 0)
        {
            properties.TryAdd(UserAgentProperty, hasher.Hash(UserAgentField, userAgent));
        }

        var correlation = auditEvent.CorrelationId ?? PrivacyRequestState.Get(httpContext).CorrelationId;
        return inner.RecordAsync(auditEvent with { Properties = properties, CorrelationId = correlation }, cancellationToken);
    }
}
