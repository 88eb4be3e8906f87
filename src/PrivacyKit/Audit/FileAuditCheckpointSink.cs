using System.Text;

namespace PrivacyKit.Audit;

/// <summary>Appends each checkpoint as one line (<see cref="AuditCheckpoint.Format"/>) to a file, with fsync.</summary>
internal sealed class FileAuditCheckpointSink(string path) : IAuditCheckpointSink
{
    public ValueTask WriteCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        stream.Write(Encoding.UTF8.GetBytes(checkpoint.Format() + "\n"));
        stream.Flush(flushToDisk: true);
        return ValueTask.CompletedTask;
    }
}
