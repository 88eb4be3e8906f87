using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task RotateKekAsync(StepContext step)
    {
        var keys = Services.GetRequiredService<IDataKeyManager>();
        var ring = (LocalKeyEncryptionKey)Services.GetRequiredService<IKeyEncryptionKey>();
        var before = await keys.GetInventoryAsync();
        var oldKek = ring.KeyId;
        var newKek = ring.Rotate();
        var result = await keys.RewrapAllAsync();
        step.Show($"key ring {Path.GetFileName(ring.Path)}: {oldKek} -> {newKek} ({ring.KeyIds.Count} keys kept)");
        step.Show($"re-wrap: {result.Examined} examined, {result.Rewrapped} re-wrapped, {result.AlreadyCurrent} already current, {result.Shredded} shredded");

        // A fresh instance has nothing cached: every value below is decrypted with a data key unwrapped by the new KEK.
        await session.StartAsync();
        var encryptor = Services.GetRequiredService<IFieldEncryptor>();
        var readable = 0;
        var erased = 0;
        foreach (var ((customer, property), ciphertext) in session.Ciphertexts)
        {
            var status = encryptor.TryDecryptText<string>(ciphertext, FieldContext(customer, property), out var value);
            if (status == DecryptionStatus.Erased)
            {
                erased++;
                continue;
            }

            step.Expect($"{property} of customer {customer} after rotation", Plaintext(customer, property), value);
            readable++;
        }

        var after = await Services.GetRequiredService<IDataKeyManager>().GetInventoryAsync();
        step.Show($"after a restart: {readable} values readable, {erased} erased (Omar's); data keys left to re-wrap: {after.VersionsToRewrap}");
        step.Expect("data keys re-wrapped", before.Scopes - before.ShreddedVersions, result.Rewrapped);
        step.Expect("current KEK", newKek, after.CurrentKeyEncryptionKeyId);
        step.Expect("data keys left on the old KEK", 0, after.VersionsToRewrap);
        step.Expect("values readable", session.Ciphertexts.Count - 2, readable);
    }
}
