using PrivacyKit.Audit;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>Verifies an audit trail directory (a JSON-lines trail) against its hash chain and checkpoints.</summary>
public static class AuditTrailCheck
{
    public static async Task<AuditVerificationResult> VerifyAsync(
        IServiceProvider services, string directory, string checkpointsFile, CancellationToken cancellationToken = default)
    {
        var checkpoints = File.Exists(checkpointsFile)
            ? (await File.ReadAllLinesAsync(checkpointsFile, cancellationToken)).Where(l => l.Length > 0).Select(AuditCheckpoint.Parse).ToList()
            : [];
        var verifier = services.GetRequiredService<AuditChainVerifier>();
        return await verifier.VerifyAsync(new JsonLinesAuditReader(directory), checkpoints, cancellationToken);
    }

    public static string Describe(AuditVerificationIssue issue) =>
        $"{issue.Kind} at sequence {issue.Sequence} of chain {issue.InstanceId} ({issue.Location}): {issue.Message}";
}
