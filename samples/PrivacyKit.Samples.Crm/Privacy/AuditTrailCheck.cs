using PrivacyKit.Audit;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>Verifies the audit trail in the CRM's database against its hash chains and the checkpoint file.</summary>
public static class AuditTrailCheck
{
    public static async Task<AuditVerificationResult> VerifyAsync(IServiceProvider services, string checkpointsFile, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<IAuditPipeline>().FlushAsync(cancellationToken);
        var checkpoints = File.Exists(checkpointsFile)
            ? (await File.ReadAllLinesAsync(checkpointsFile, cancellationToken)).Where(l => l.Length > 0).Select(AuditCheckpoint.Parse).ToList()
            : [];
        var verifier = services.GetRequiredService<AuditChainVerifier>();
        return await verifier.VerifyAsync(services.GetRequiredService<IAuditReader>(), checkpoints, cancellationToken);
    }

    public static string Describe(AuditVerificationIssue issue) =>
        $"{issue.Kind} at sequence {issue.Sequence} of chain {issue.InstanceId} ({issue.Location}): {issue.Message}";
}
