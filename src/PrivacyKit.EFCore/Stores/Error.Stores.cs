namespace PrivacyKit.EFCore.Internal;

// Exceptions of the EF Core stores. Messages name types, ids and what to do; never personal values.
internal static partial class Error
{
    public static InvalidOperationException StoresNotInModel(Type contextType) => new(
        $"The model of '{contextType.Name}' has no PrivacyKit store tables. Call modelBuilder.AddPrivacyKitStores() in " +
        $"{contextType.Name}.OnModelCreating (then add a migration), or register the stores on PrivacyKitDbContext.");

    public static InvalidOperationException ConsentRecordExists(string id) => new(
        $"A consent record with id '{id}' exists: consent history is append-only, so give every record a new id.");

    public static InvalidOperationException LegalHoldExists(string id) => new(
        $"A legal hold with id '{id}' exists: holds are never replaced, so place a new hold with a new id (release the old one if it no longer applies).");

    public static InvalidOperationException DuplicateRequestId(string id) => new(
        $"A data subject request with id '{id}' exists: give every request a new id.");

    public static InvalidOperationException ExecutionRecordWithoutRequest(string requestId, string sourceName) => new(
        $"The execution record of source '{sourceName}' names request '{requestId}', which is not stored: add the request first.");
}
