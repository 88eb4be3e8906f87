using System.Security.Cryptography;
using System.Text.Json;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// The audit chain key and value-hash key of a single-machine installation, in an owner-only file.
/// Development convenience: in production both come from a secret store (Key Vault secrets).
/// </summary>
public sealed record AuditKeyFile(string ChainKey, string ValueHashKey)
{
    public static AuditKeyFile LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<AuditKeyFile>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} holds no audit keys.");
        }

        var keys = new AuditKeyFile(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, keys);
        return keys;
    }
}
