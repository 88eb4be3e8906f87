using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>Keeps the converter-bearing model apart from the clear model of the same context type.</summary>
internal sealed class ProtectedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), "data-protection", designTime);
}
