using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class FieldMaskProperties
{
    private static readonly Func<string, string>[] Masks = [FieldMask.Email, FieldMask.Phone, FieldMask.Generic, FieldMask.Auto];

    // Short strings over an alphabet rich in the characters masks treat specially, so that empty,
    // one-character, already-masked and address- or phone-shaped inputs come up often.
    private static Arbitrary<string> Tricky() =>
        Gen.ArrayOf(Gen.Elements('*', '@', 'a', 'j', '.', '0', '9', '+', ' ', '-', 'é'))
            .Select(chars => new string(chars))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public bool Masks_AnyString_NeverReturnInput(NonNull<string> value) =>
        Masks.All(mask => mask(value.Get) != value.Get);

    [Property(MaxTest = 500)]
    public Property Masks_ShortTrickyStrings_NeverReturnInput() =>
        Prop.ForAll(Tricky(), value => Masks.All(mask => mask(value) != value));

    [Property(MaxTest = 300)]
    public Property Email_Address_NeverRevealsTheLocalPartBeyondItsFirstCharacter() =>
        Prop.ForAll(
            Gen.Elements("anna", "bob", "j", "x.y", "marie-claire").SelectMany(local => Gen.Elements("example.com", "crm.test").Select(domain => (local, domain))).ToArbitrary(),
            pair =>
            {
                var masked = FieldMask.Email($"{pair.local}@{pair.domain}");
                return masked == $"{pair.local[0]}***@{pair.domain}" && (pair.local.Length == 1 || !masked.Contains(pair.local, StringComparison.Ordinal));
            });
}
