using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Tests.Encryption;

/// <summary>One encrypted property of every type the field encryptor supports, nullable forms included.</summary>
public sealed class TypeSample
{
    [DataSubjectId]
    public Guid Id { get; set; }

    [PersonalData(PersonalDataCategory.FreeText), Encrypted] public string Text { get; set; } = "";
    [PersonalData(PersonalDataCategory.FreeText), Encrypted] public string? NullableText { get; set; }
    [PersonalData(PersonalDataCategory.FreeText), Encrypted] public byte[] Bytes { get; set; } = [];
    [PersonalData(PersonalDataCategory.FreeText), Encrypted] public byte[]? NullableBytes { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public bool Flag { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public bool? NullableFlag { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public byte Byte { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public sbyte SByte { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public short Short { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public ushort UShort { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public int Int { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public int? NullableInt { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public uint UInt { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public long Long { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public long? NullableLong { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public ulong ULong { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public Int128 Int128 { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public UInt128 UInt128 { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public decimal Decimal { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public decimal? NullableDecimal { get; set; }
    [PersonalData(PersonalDataCategory.Financial), Encrypted] public double Double { get; set; }
    [PersonalData(PersonalDataCategory.Identifier), Encrypted] public Guid Guid { get; set; }
    [PersonalData(PersonalDataCategory.Identifier), Encrypted] public Guid? NullableGuid { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public DateTime DateTime { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public DateTime? NullableDateTime { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public DateTimeOffset DateTimeOffset { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public DateOnly DateOnly { get; set; }
    [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public DateOnly? NullableDateOnly { get; set; }
}

public sealed class TypeSampleContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TypeSample> Samples => Set<TypeSample>();
}
