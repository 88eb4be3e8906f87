using Microsoft.EntityFrameworkCore;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task RotateKekAsync(StepContext step)
    {
        var keys = Services.GetRequiredService<IDataKeyManager>();
        var ring = (LocalKeyEncryptionKey)Services.GetRequiredService<IKeyEncryptionKey>();
        var oldKek = ring.KeyId;
        var newKek = ring.Rotate();
        var result = await keys.RewrapAllAsync();
        step.Show($"key ring {Path.GetFileName(ring.Path)}: {oldKek} -> {newKek} ({ring.KeyIds.Count} keys kept)");
        step.Show($"re-wrap: {result.Examined} examined, {result.Rewrapped} re-wrapped, {result.AlreadyCurrent} already current, {result.Shredded} shredded");

        // A fresh instance has nothing cached: every value below is decrypted with a data key unwrapped by the new KEK.
        await session.StartAsync();
        var customers = await AsDpoAsync(db => db.Customers.AsNoTracking().ToListAsync());
        var readable = 0;
        foreach (var customer in customers.Where(c => c.Id != Omar))
        {
            var seeded = session.Seeded[customer.Id];
            step.Expect($"customer {customer.Id} after rotation", (seeded.LastName, seeded.Email, seeded.Phone), (customer.LastName, customer.Email, customer.Phone));
            readable++;
        }

        var erased = Services.GetRequiredService<IFieldEncryptor>().TryDecryptText<string>(session.Ciphertexts[(Omar, "Email")], FieldContext(Omar, "Email"), out _);
        var after = await Services.GetRequiredService<IDataKeyManager>().GetInventoryAsync();
        step.Show($"after a restart: {readable} customers read in full through the DbContext; Omar's old e-mail ciphertext: {erased}; data keys left to re-wrap: {after.VersionsToRewrap}");
        step.Expect("data keys re-wrapped", result.Examined - result.Shredded - result.AlreadyCurrent, result.Rewrapped);
        step.Expect("current KEK", newKek, after.CurrentKeyEncryptionKeyId);
        step.Expect("data keys left on the old KEK", 0, after.VersionsToRewrap);
        step.Expect("customers readable", session.Seeded.Count - 1, readable);
        step.Expect("Omar's old ciphertext", DecryptionStatus.Erased, erased);
    }
}
