namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Where the sample keeps its state: the SQLite database and, next to it, the files PrivacyKit needs
/// on a single machine. With <c>--database ./crm-demo.db</c>: <c>crm-demo.kek.json</c> (the local key ring),
/// <c>crm-demo.datakeys.json</c> (wrapped data keys), <c>crm-demo.audit/</c> (the audit trail),
/// <c>crm-demo.audit-checkpoints.txt</c> and <c>crm-demo.audit-keys.json</c> (the audit chain keys).
/// In production the KEK lives in Key Vault, data keys and audit records in the database, and the
/// checkpoints on write-once storage.
/// </summary>
public sealed record CrmPaths(string Database)
{
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(Database))!;

    public string Stem => Path.Combine(Directory, Path.GetFileNameWithoutExtension(Database));

    public string KeyRing => Stem + ".kek.json";

    public string DataKeys => Stem + ".datakeys.json";

    public string AuditDirectory => Stem + ".audit";

    /// <summary>Gets the copy of the audit trail the demo tampers with (the live trail stays valid).</summary>
    public string TamperedAuditCopy => Stem + ".audit-tampered";

    public string AuditCheckpoints => Stem + ".audit-checkpoints.txt";

    public string AuditKeys => Stem + ".audit-keys.json";

    /// <summary>Gets a value indicating whether a demo has created the state the operator commands work on.</summary>
    public bool Exist => File.Exists(Database) && File.Exists(KeyRing) && File.Exists(AuditKeys);

    /// <summary>Deletes every file and folder the sample owns, so that a demo starts from nothing.</summary>
    public void DeleteAll()
    {
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm", KeyRing, DataKeys, AuditCheckpoints, AuditKeys })
        {
            File.Delete(file);
        }

        foreach (var directory in new[] { AuditDirectory, TamperedAuditCopy })
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }
}
