using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace PrivacyKit.EFCore.BlindIndexes;

/// <summary>
/// EF's query provider, plus the context it belongs to, so that <see cref="BlindIndexQueryableExtensions.WhereEquals"/>
/// can compute a blind index with that context's keys from any query (not only a DbSet). Behaves exactly like EF's.
/// </summary>
[SuppressMessage("Usage", "EF1001:Internal EF Core API usage.", Justification = "EF's operators recognise its queries by this provider type; subclassing keeps that.")]
internal sealed class PrivacyKitQueryProvider(IQueryCompiler queryCompiler, ICurrentDbContext currentContext) : EntityQueryProvider(queryCompiler)
{
    public DbContext Context => currentContext.Context;
}
