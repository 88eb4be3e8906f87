using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PrivacyKit.Audit;

/// <summary>
/// Writes records as JSON lines, one file per instance and UTC day (and a new one past the size limit). Each
/// batch is one write; a durable batch is flushed with fsync before the call returns. After a failure or a
/// restart it continues after the last complete record and never appends to a file that ends in a torn line.
/// </summary>
internal sealed class JsonLinesAuditSink : IBatchedAuditSink, IAuditReader, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default, SkipValidation = true };

    private readonly JsonLinesAuditSinkOptions _options;
    private readonly string _instanceId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly Lock _lock = new();
    private readonly JsonLinesAuditReader _reader;
    private FileStream? _stream;
    private string _day = string.Empty;
    private int _index;
    private long _size;
    private long _lastWritten = long.MinValue;

    public JsonLinesAuditSink(JsonLinesAuditSinkOptions options, string instanceId, TimeProvider time, ILogger logger)
    {
        _options = options;
        _instanceId = instanceId;
        _time = time;
        _logger = logger;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
        _reader = new JsonLinesAuditReader(options.Directory, options.FilePrefix);
    }

    /// <summary>Gets the file being written, or <see langword="null"/> before the first write.</summary>
    internal string? CurrentFile { get; private set; }

    /// <summary>Gets or sets a fault for crash tests: the next write stops after this many bytes and throws.</summary>
    internal int? FailNextWriteAfterBytes { get; set; }

    public ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var today = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (_stream is null)
            {
                Open(today);
            }

            _buffer.ResetWrittenCount();
            long last = _lastWritten;
            foreach (var record in records)
            {
                if (record.Sequence <= last)
                {
                    continue; // already written by an earlier attempt of this batch
                }

                _json.Reset(_buffer);
                AuditRecordJson.Write(_json, record);
                _json.Flush();
                _buffer.Write("\n"u8);
                last = record.Sequence;
            }

            if (_buffer.WrittenCount == 0)
            {
                return ValueTask.CompletedTask;
            }

            if (!string.Equals(today, _day, StringComparison.Ordinal) || (_size > 0 && _size + _buffer.WrittenCount > _options.MaxFileSizeBytes))
            {
                Roll(today);
            }

            try
            {
                if (FailNextWriteAfterBytes is { } cut)
                {
                    FailNextWriteAfterBytes = null;
                    _stream!.Write(_buffer.WrittenSpan[..Math.Min(cut, _buffer.WrittenCount)]);
                    _stream.Flush(flushToDisk: false);
                    throw new IOException("Simulated failure in the middle of a batch write.");
                }

                _stream!.Write(_buffer.WrittenSpan);
                _stream.Flush(flushToDisk: durable || _options.AlwaysFsync);
            }
            catch
            {
                // Reopen on the next attempt: that checks what reached the file and never appends after a torn line.
                Close();
                throw;
            }

            _size += _buffer.WrittenCount;
            _lastWritten = last;
            return ValueTask.CompletedTask;
        }
    }

    public IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        _reader.QueryAsync(query, cancellationToken);

    public IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync(CancellationToken cancellationToken = default) =>
        _reader.ReadStoredAsync(cancellationToken);

    public ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default) =>
        _reader.GetChainHeadAsync(instanceId, cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            if (_stream is not null)
            {
                _stream.Flush(flushToDisk: true);
                Close();
            }

            _json.Dispose();
        }
    }

    private void Open(string today)
    {
        Directory.CreateDirectory(_options.Directory);
        var files = JsonLinesAuditFiles.List(_options.Directory, _options.FilePrefix, _instanceId);
        _lastWritten = JsonLinesAuditFiles.FindLast(files)?.Sequence ?? 0;
        var latest = files.Count > 0 ? files[^1] : null;
        if (latest is not null && JsonLinesAuditFiles.EndsTorn(latest.Path))
        {
            AuditLog.TornWriteFound(_logger, latest.Name);
        }
        else if (latest is not null && string.Equals(latest.Day, today, StringComparison.Ordinal)
            && new FileInfo(latest.Path).Length < _options.MaxFileSizeBytes)
        {
            OpenFile(today, latest.Index);
            return;
        }

        var index = latest is not null && string.Equals(latest.Day, today, StringComparison.Ordinal) ? latest.Index + 1 : 1;
        OpenFile(today, index);
    }

    private void Roll(string today)
    {
        _stream!.Flush(flushToDisk: true);
        Close();
        OpenFile(today, string.Equals(today, _day, StringComparison.Ordinal) ? _index + 1 : 1);
    }

    private void OpenFile(string day, int index)
    {
        var path = Path.Combine(_options.Directory, JsonLinesAuditFiles.FileName(_options.FilePrefix, _instanceId, day, index));
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 1);
        _size = _stream.Length;
        _day = day;
        _index = index;
        CurrentFile = path;
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
