using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Stores.Audit;

namespace PrivacyKit.EFCore;

public static partial class PrivacyKitModelBuilderExtensions
{
    static partial void AddAuditStore(ModelBuilder modelBuilder, string? schema) => AuditStoreModel.Configure(modelBuilder, schema);
}
