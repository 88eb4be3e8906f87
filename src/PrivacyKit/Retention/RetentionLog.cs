using Microsoft.Extensions.Logging;

namespace PrivacyKit.Retention;

internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 3201, EventName = "LegalHoldPlaced", Level = LogLevel.Information,
        Message = "Legal hold {HoldId} placed on {EntityTypeCount} entity types (0 = all).")]
    public static partial void LegalHoldPlaced(ILogger logger, string holdId, int entityTypeCount);

    [LoggerMessage(EventId = 3202, EventName = "LegalHoldReleased", Level = LogLevel.Information,
        Message = "Legal hold {HoldId} released.")]
    public static partial void LegalHoldReleased(ILogger logger, string holdId);

    [LoggerMessage(EventId = 3203, EventName = "LegalHoldNotActive", Level = LogLevel.Warning,
        Message = "Legal hold {HoldId} was not released: the subject has no active hold with that id.")]
    public static partial void LegalHoldNotActive(ILogger logger, string holdId);
}
