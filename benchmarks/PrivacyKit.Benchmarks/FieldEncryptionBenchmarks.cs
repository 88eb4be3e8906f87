using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Benchmarks;

/// <summary>
/// How close is PrivacyKit's field encryption to raw AES-GCM, and how does it compare with ASP.NET Core
/// Data Protection? One field of <see cref="Size"/> bytes per operation, warm key cache, into a
/// preallocated buffer (so "allocated" is what the call allocates beyond the output).
/// </summary>
[MemoryDiagnoser]
public class FieldEncryptionBenchmarks
{
    private readonly EncryptionContext _context = EncryptionContext.ForSubject("Customer", "Email", "42");
    private ServiceProvider _services = null!;
    private IFieldEncryptor _encryptor = null!;
    private IDataProtector _protector = null!;
    private AesGcm _aes = null!;
    private byte[] _plaintext = null!;
    private byte[] _rawOutput = null!;
    private byte[] _rawTag = null!;
    private byte[] _rawNonce = null!;
    private byte[] _ciphertext = null!;
    private byte[] _encryptOutput = null!;
    private byte[] _decryptOutput = null!;
    private byte[] _protected = null!;
    private ulong _counter;

    [Params(16, 64, 1024, 16384)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plaintext = RandomNumberGenerator.GetBytes(Size);

        _aes = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
        _rawOutput = new byte[Size];
        _rawTag = new byte[16];
        _rawNonce = new byte[12];

        var services = new ServiceCollection();
        services.AddPrivacyKit().AddKeyEncryptionKey(new InMemoryKeyEncryptionKey()).AddInMemoryDataKeyStore();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        _services = services.BuildServiceProvider();
        _encryptor = _services.GetRequiredService<IFieldEncryptor>();
        _protector = _services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Customer.Email");

        _encryptOutput = new byte[_encryptor.GetEncryptedLength(Size)];
        _decryptOutput = new byte[Size];
        _ciphertext = new byte[_encryptOutput.Length];
        _encryptor.TryEncrypt(_plaintext, _context, _ciphertext, out _);
        _protected = _protector.Protect(_plaintext);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aes.Dispose();
        _services.Dispose();
    }

    /// <summary>The floor: one cached AesGcm, a counter nonce, no header, no key lookup.</summary>
    [Benchmark(Baseline = true)]
    public void RawAesGcm()
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_rawNonce, ++_counter);
        _aes.Encrypt(_rawNonce, _plaintext, _rawOutput, _rawTag);
    }

    [Benchmark]
    public bool PrivacyKitEncrypt() => _encryptor.TryEncrypt(_plaintext, _context, _encryptOutput, out _);

    [Benchmark]
    public int PrivacyKitDecrypt() => _encryptor.Decrypt(_ciphertext, _context, _decryptOutput);

    [Benchmark]
    public byte[] DataProtectionProtect() => _protector.Protect(_plaintext);

    [Benchmark]
    public byte[] DataProtectionUnprotect() => _protector.Unprotect(_protected);
}
