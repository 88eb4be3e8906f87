namespace PrivacyKit.Internal;

/// <summary>
/// Writes files that hold key material: created with owner-only permissions (0600) from the first byte,
/// written to a temporary file in the same folder and renamed into place, so readers never see half a file.
/// </summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    /// <returns><see langword="false"/> when <paramref name="overwrite"/> is off and the file already exists.</returns>
    public static bool Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (overwrite)
            {
                File.Move(temporary, path, overwrite: true);
                return true;
            }

            if (File.Exists(path))
            {
                return false;
            }

            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Gets a value indicating whether users other than the owner may read or write the file.</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerReadWrite | UnixFileMode.UserExecute)) != 0;
}
