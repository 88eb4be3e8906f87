namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Where the sample keeps its state: the SQLite database (the CRM's tables and PrivacyKit's: data keys, consent
/// history, subject requests, legal holds, audit trail) and, next to it, the files PrivacyKit needs on a single
/// machine. With <c>--database ./crm-demo.db</c>: <c>crm-demo.kek.json</c> (the local key ring),
/// <c>crm-demo.audit-checkpoints.txt</c> and <c>crm-demo.audit-keys.json</c> (the audit chain keys).
/// In production the KEK lives in Key Vault, the audit keys in a secret store and the checkpoints on write-once storage.
/// </summary>
public sealed record CrmPaths(string Database)
{
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(Database))!;

    public string Stem => Path.Combine(Directory, Path.GetFileNameWithoutExtension(Database));

    public string KeyRing => Stem + ".kek.json";

    public string AuditCheckpoints => Stem + ".audit-checkpoints.txt";

    public string AuditKeys => Stem + ".audit-keys.json";

    public string ConnectionString => $"Data Source={Path.GetFullPath(Database)}";

    /// <summary>Gets a value indicating whether a demo has created the state the operator commands work on.</summary>
    public bool Exist => File.Exists(Database) && File.Exists(KeyRing) && File.Exists(AuditKeys);

    /// <summary>Deletes every file the sample owns, so that a demo starts from nothing.</summary>
    public void DeleteAll()
    {
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm", Database + "-journal", KeyRing, AuditCheckpoints, AuditKeys })
        {
            File.Delete(file);
        }
    }
}
