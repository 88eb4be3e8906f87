using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>Log messages of the EF Core encryption, query and masking parts (event ids 7101-7199). Never a value.</summary>
internal static partial class PrivacyKitEFCoreLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "{Entity}.{Property} was loaded masked or hidden for the current actor; the change made to it was not saved and the stored value is kept.")]
    public static partial void MaskedChangeIgnored(ILogger logger, string entity, string property);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "{Entity}.{Property} was loaded empty: the data subject's key is crypto-shredded.")]
    public static partial void ErasedValueLoaded(ILogger logger, string entity, string property);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "Encrypted {Count} propert(y/ies) of {Entries} changed entit(y/ies) before saving.")]
    public static partial void EncryptedBeforeSave(ILogger logger, int count, int entries);
}
