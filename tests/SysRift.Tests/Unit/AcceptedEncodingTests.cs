using SysRift.Contents.Publishing;

namespace SysRift.Tests.Unit;

public sealed class AcceptedEncodingTests
{
    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")] // what browsers send
    [InlineData("gzip", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("gzip, br;q=0", "gzip")] // named only to be refused
    [InlineData("br;q=0.5, gzip;q=1.0", "gzip")]
    [InlineData("br ; q=0.8 , gzip;q=0.8", "br")]
    [InlineData("gzip;level=1;Q=0.2, br;q=0.1", "gzip")]
    [InlineData("*", "br")]
    [InlineData("gzip;q=0.5, *;q=0.9", "br")] // "*" stands for br here, which is not named
    [InlineData("*;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData("deflate, zstd", null)]
    [InlineData("abr, brgzip, gzipped", null)] // tokens are compared whole, not searched for
    [InlineData("br;q=x, gzip;q=2", null)] // a quality that is not one is refused, not guessed
    [InlineData("", null)]
    public void A_stored_form_is_chosen_by_quality_and_a_refused_coding_is_never_sent(string header, string? expected) =>
        Assert.Equal(expected, AcceptedEncoding.Preferred(header));
}
