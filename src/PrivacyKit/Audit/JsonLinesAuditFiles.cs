using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PrivacyKit.Audit;

/// <summary>Finds and reads the files of the JSON-lines format: <c>{prefix}-{instance}-{yyyyMMdd}-{nnnnnn}.jsonl</c>.</summary>
internal static partial class JsonLinesAuditFiles
{
    private const int ChunkSize = 1 << 20;

    public static string FileName(string prefix, string instanceId, string day, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{instanceId}-{day}-{index:D6}.jsonl");

    /// <summary>Lists the files of one instance (or all instances) in chain order.</summary>
    public static List<AuditFileName> List(string directory, string prefix, string? instanceId)
    {
        var result = new List<AuditFileName>();
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(directory, prefix + "-*.jsonl"))
        {
            var name = Path.GetFileName(path);
            var match = NamePattern().Match(name);
            if (!match.Success || !string.Equals(match.Groups["prefix"].Value, prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var instance = match.Groups["instance"].Value;
            if (instanceId is null || string.Equals(instance, instanceId, StringComparison.Ordinal))
            {
                result.Add(new AuditFileName(
                    path, name, instance, match.Groups["day"].Value, int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)));
            }
        }

        result.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.InstanceId, b.InstanceId);
            c = c != 0 ? c : string.CompareOrdinal(a.Day, b.Day);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return result;
    }

    /// <summary>Reads every line of a file; a last line without its newline is a torn write.</summary>
    public static IEnumerable<AuditStoredRecord> Read(AuditFileName file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Internal.Error.AuditStorageUnreadable(file.Name, ex);
        }

        using (stream)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                int start = 0, end = 0, lineNumber = 0;
                while (true)
                {
                    if (end == buffer.Length)
                    {
                        if (start > 0)
                        {
                            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                            end -= start;
                            start = 0;
                        }
                        else
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, larger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                    {
                        break;
                    }

                    end += read;
                    int newline;
                    while ((newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
                    {
                        lineNumber++;
                        var entry = Parse(buffer.AsSpan(start, newline - start), file.Name, lineNumber);
                        start = newline + 1;
                        yield return entry;
                    }

                    if (start == end)
                    {
                        start = end = 0;
                    }
                }

                if (end > start)
                {
                    yield return new AuditStoredRecord(
                        Location(file.Name, lineNumber + 1), "incomplete last line (no line end): a write interrupted by a crash", isTornTail: true);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Finds the last complete, readable record of a list of files, searching from the end.</summary>
    public static AuditRecord? FindLast(List<AuditFileName> files)
    {
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var record = FindLast(files[i].Path);
            if (record is not null)
            {
                return record;
            }
        }

        return null;
    }

    public static bool EndsTorn(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    private static AuditRecord? FindLast(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        var window = (int)Math.Min(length, 64 * 1024);
        while (window > 0)
        {
            var bytes = new byte[window];
            stream.Seek(length - window, SeekOrigin.Begin);
            stream.ReadExactly(bytes);

            // Only complete lines count: drop everything after the last newline (a torn write).
            var end = Array.LastIndexOf(bytes, (byte)'\n');
            while (end >= 0)
            {
                var start = end == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'\n', end - 1);
                if (start < 0 && window < length)
                {
                    break; // the line starts before the window: read a larger one
                }

                var record = AuditRecordJson.TryRead(bytes.AsSpan(start + 1, end - start - 1), out _);
                if (record is not null)
                {
                    return record;
                }

                end = start;
            }

            if (window == length)
            {
                return null;
            }

            window = (int)Math.Min(length, (long)window * 4);
        }

        return null;
    }

    private static AuditStoredRecord Parse(ReadOnlySpan<byte> line, string fileName, int lineNumber)
    {
        var location = Location(fileName, lineNumber);
        var record = AuditRecordJson.TryRead(line, out var error);
        return record is null ? new AuditStoredRecord(location, error ?? "unreadable", isTornTail: false) : new AuditStoredRecord(record, location);
    }

    private static string Location(string fileName, int lineNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{lineNumber}");

    [GeneratedRegex(@"^(?<prefix>[A-Za-z0-9._]+)-(?<instance>.+)-(?<day>\d{8})-(?<index>\d{6})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>One file of the JSON-lines format.</summary>
internal sealed record AuditFileName(string Path, string Name, string InstanceId, string Day, int Index);
