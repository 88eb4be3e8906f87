namespace PrivacyKit.EFCore.Internal;

// Exceptions of the maintenance jobs.
internal static partial class Error
{
    public static InvalidOperationException JobNeedsSingleColumnKey(string entityName) => new(
        $"Entity '{entityName}' has encrypted properties but no single-column primary key: the column jobs page through a table by its key. " +
        "Give the entity a single-column key, or exclude it with PrivacyKitJobOptions.EntityTypes and process it yourself.");

    public static ArgumentOutOfRangeException JobBatchSize(string paramName, int batchSize) => new(
        paramName, batchSize, $"PrivacyKitJobOptions.BatchSize must be from 1 to {Jobs.PrivacyKitJobOptions.MaxBatchSize}.");
}
