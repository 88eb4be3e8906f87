using System.Globalization;
using PrivacyKit.Classification;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>A customer row in clear: the baseline model.</summary>
public sealed class ClearCustomer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Address { get; set; } = "";
}

/// <summary>The same customer retrofitted with PrivacyKit: four encrypted fields, the e-mail blind-indexed.</summary>
public sealed class EncryptedCustomer
{
    [DataSubjectId]
    public string Id { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex("customer-email", Normaliser = "email")]
    public string Email { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string Phone { get; set; } = "";

    [PersonalData(PersonalDataCategory.Location), Encrypted]
    public string Address { get; set; } = "";
}

/// <summary>Deterministic field values shared by every variant, so each one moves the same bytes.</summary>
internal static class BenchmarkCustomerData
{
    public const int Count = 10_000;

    public static string Id(int run, int i) => string.Create(CultureInfo.InvariantCulture, $"r{run}-c{i:D5}");

    public static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"Customer Number {i:D5}");

    public static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"customer{i:D5}@example.com");

    public static string Phone(int i) => string.Create(CultureInfo.InvariantCulture, $"+44 20 7946 {i:D5}");

    public static string Address(int i) => string.Create(CultureInfo.InvariantCulture, $"{i} High Street, London, EC1A 1BB");

    public static ClearCustomer Clear(int run, int i) =>
        new() { Id = Id(run, i), Name = Name(i), Email = Email(i), Phone = Phone(i), Address = Address(i) };

    public static EncryptedCustomer Encrypted(int run, int i) =>
        new() { Id = Id(run, i), Name = Name(i), Email = Email(i), Phone = Phone(i), Address = Address(i) };
}
