namespace PrivacyKit.Audit;

/// <summary>Options of the JSON-lines file sink added by <c>AddJsonLinesAuditSink</c>.</summary>
public sealed class JsonLinesAuditSinkOptions
{
    /// <summary>Gets or sets the directory the files are written to; created when missing.</summary>
    /// <value>No default; required.</value>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Gets or sets the start of every file name: <c>{prefix}-{instance}-{yyyyMMdd}-{nnnn}.jsonl</c>.</summary>
    /// <value>Defaults to <c>audit</c>.</value>
    public string FilePrefix { get; set; } = "audit";

    /// <summary>Gets or sets the size after which a new file is started (a new file is also started every UTC day).</summary>
    /// <value>Defaults to 64 MiB. At least 4 KiB.</value>
    public long MaxFileSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Gets or sets a value indicating whether every batch is flushed to disk with fsync, not only batches
    /// that hold a guaranteed-delivery event. Batches are always handed to the operating system at once.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AlwaysFsync { get; set; }

    /// <summary>Gets or sets what a failure of this sink means.</summary>
    /// <value>Defaults to <see cref="AuditSinkPolicy.MustSucceed"/>.</value>
    public AuditSinkPolicy Policy { get; set; } = AuditSinkPolicy.MustSucceed;
}
