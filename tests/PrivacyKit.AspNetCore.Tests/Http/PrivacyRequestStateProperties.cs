using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Http;

namespace PrivacyKit.AspNetCore.Tests.Http;

public sealed class PrivacyRequestStateProperties
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddOptions<PrivacyKitAspNetCoreOptions>().Services.BuildServiceProvider();

    private static Gen<string> Hex(int length, string digits) =>
        Gen.Elements(digits.ToCharArray()).ArrayOf(length).Select(a => new string(a));

    // Well-formed, almost well-formed (upper case, all zero, short) and arbitrary traceparent headers.
    private static Arbitrary<string> TraceParents() =>
        Gen.OneOf(
            from id in Hex(32, "0123456789abcdef") from parent in Hex(16, "0123456789abcdef") select $"00-{id}-{parent}-01",
            from id in Hex(32, "0123456789ABCDEF") select $"00-{id}-00f067aa0ba902b7-01",
            Gen.Constant("00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
            from id in Hex(31, "0123456789abcdef") select $"00-{id}-00f067aa0ba902b7-01",
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
        .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Get_AnyTraceParent_GivesA32HexTraceIdThatIsTheHeadersWhenWellFormed() =>
        Prop.ForAll(TraceParents(), header =>
        {
            var context = new DefaultHttpContext { RequestServices = Services };
            context.Request.Headers["traceparent"] = header;

            var correlation = PrivacyRequestState.Get(context).CorrelationId;

            var valid = correlation.Length == 32 && correlation.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)) && correlation.Any(c => c != '0');
            var headerId = header.Length >= 35 ? header.Substring(3, 32) : null;
            var wellFormed = headerId is not null && header.Length >= 55 && header[2] == '-' && header[35] == '-'
                && headerId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') && headerId.Any(c => c != '0');
            return valid && (wellFormed == (correlation == headerId));
        });
}
