namespace PrivacyKit.Audit;

/// <summary>Options of the audit pipeline, validated at start-up.</summary>
public sealed class AuditOptions
{
    /// <summary>Gets or sets how events without an explicit <see cref="AuditEvent.Delivery"/> are delivered.</summary>
    /// <value>Defaults to <see cref="AuditDelivery.Buffered"/>.</value>
    public AuditDelivery DefaultDelivery { get; set; } = AuditDelivery.Buffered;

    /// <summary>Gets or sets how many events the buffer holds before <see cref="FullQueuePolicy"/> applies.</summary>
    /// <value>Defaults to 65,536. Between 1 and 10,000,000.</value>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>Gets or sets what a caller experiences when the buffer is full. Events are never dropped.</summary>
    /// <value>Defaults to <see cref="AuditFullQueuePolicy.Wait"/>.</value>
    public AuditFullQueuePolicy FullQueuePolicy { get; set; } = AuditFullQueuePolicy.Wait;

    /// <summary>Gets or sets the largest batch handed to a sink.</summary>
    /// <value>Defaults to 1,000. Between 1 and 100,000.</value>
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Gets or sets how often a failing batch is retried on a must-succeed sink before it is reported as failed.</summary>
    /// <value>Defaults to 3. Between 0 and 20.</value>
    public int SinkRetryCount { get; set; } = 3;

    /// <summary>Gets or sets the first delay between retries; it doubles on each retry, up to 5 seconds.</summary>
    /// <value>Defaults to 100 milliseconds. Between 0 and 1 minute.</value>
    public TimeSpan SinkRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets after how many records a checkpoint is sent to the <see cref="IAuditCheckpointSink"/>s (also on every flush).</summary>
    /// <value>Defaults to 10,000. At least 1.</value>
    public int CheckpointInterval { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets the key that signs the hash chain, base64-encoded, at least 32 bytes. Keep it in a secret
    /// store. When neither this nor a custom <see cref="IAuditKeyProvider"/> is set, a development key is used:
    /// every record then carries the key id <c>development</c>, and a warning is logged at start-up.
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (development key).</value>
    public string? ChainKey { get; set; }

    /// <summary>Gets or sets the id recorded with each record signed by <see cref="ChainKey"/>.</summary>
    /// <value>Defaults to <c>chain-1</c>. Letters, digits, '.', '-' and '_' only, at most 64 characters.</value>
    public string ChainKeyId { get; set; } = "chain-1";

    /// <summary>
    /// Gets older chain keys by id (base64), to verify records signed before a key rotation. Never used to sign.
    /// </summary>
    public IDictionary<string, string> PreviousChainKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the key for keyed hashes of changed values, base64-encoded, at least 32 bytes; must differ
    /// from <see cref="ChainKey"/>. When not set, a development key is used (key id <c>development</c>).
    /// </summary>
    /// <value>Defaults to <see langword="null"/> (development key).</value>
    public string? ValueHashKey { get; set; }

    /// <summary>Gets or sets the id recorded with keyed value hashes made with <see cref="ValueHashKey"/>.</summary>
    /// <value>Defaults to <c>values-1</c>.</value>
    public string ValueHashKeyId { get; set; } = "values-1";

    /// <summary>
    /// Gets or sets a value indicating whether start-up fails unless real keys are configured. Set it in
    /// production so that a missing secret is never silently replaced by the development key.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool RequireConfiguredKeys { get; set; }
}
