using System.Globalization;

namespace PrivacyKit.Audit;

/// <summary>
/// A point in an instance's chain (sequence and hash of a record) exported to be kept elsewhere. A
/// verifier given checkpoints detects records removed from the end of a chain, which the chain alone cannot.
/// </summary>
/// <param name="InstanceId">The instance whose chain it is.</param>
/// <param name="Sequence">The sequence number of the record.</param>
/// <param name="Hash">The record's hash, 64 lower-case hex digits.</param>
/// <param name="Timestamp">When the checkpoint was taken.</param>
public sealed record AuditCheckpoint(string InstanceId, long Sequence, string Hash, DateTimeOffset Timestamp)
{
    /// <summary>Formats the checkpoint as one line: <c>instance sequence hash time</c>, separated by spaces.</summary>
    /// <returns>The formatted checkpoint, which <see cref="Parse"/> reads back.</returns>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{InstanceId} {Sequence} {Hash} {Timestamp.UtcDateTime:O}");

    /// <summary>Reads a checkpoint written by <see cref="Format"/>.</summary>
    /// <param name="text">The formatted checkpoint.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a formatted checkpoint.</exception>
    public static AuditCheckpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ');
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || parts[2].Length != 64
            || !DateTimeOffset.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException("An audit checkpoint must be 'instance sequence hash time' as written by AuditCheckpoint.Format.");
        }

        return new AuditCheckpoint(parts[0], sequence, parts[2], time);
    }
}
