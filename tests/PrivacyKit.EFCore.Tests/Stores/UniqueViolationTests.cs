using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>Only unique and primary-key violations count as conflicts; other constraint failures must surface.</summary>
public sealed class UniqueViolationTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Is_UniqueAndPrimaryKeyViolations_AreRecognised(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        await using (var context = host.CreateContext())
        {
            context.Add(Consent(1, "c1"));
            await context.SaveChangesAsync();
        }

        Assert.True(UniqueViolation.Is(await FailAsync(host, c => c.Add(Consent(2, "c1")))));
        Assert.True(UniqueViolation.Is(await FailAsync(host, c => c.Add(Consent(1, "c2")))));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Is_NotNullAndForeignKeyViolations_AreNotConflicts(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);

        var notNull = await FailAsync(host, c => c.Add(new ConsentRecordRow { Sequence = 5, Id = "c5", SubjectId = null! }));
        var foreignKey = await FailAsync(host, c => c.Add(new SubjectRequestTransitionRow { RequestId = "missing", Sequence = 1, ActorId = "u" }));

        Assert.False(UniqueViolation.Is(notNull));
        Assert.False(UniqueViolation.Is(foreignKey));
    }

    private static ConsentRecordRow Consent(long sequence, string id) => new() { Sequence = sequence, Id = id, SubjectId = "s1" };

    private static async Task<DbUpdateException> FailAsync(StoreTestHost host, Action<StoreTestContext> change)
    {
        await using var context = host.CreateContext();
        change(context);
        return await Assert.ThrowsAnyAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }
}
