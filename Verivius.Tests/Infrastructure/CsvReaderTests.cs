using Verivius.Infrastructure.Files;

namespace Verivius.Tests.Infrastructure;

public class CsvReaderTests
{
    private static List<CsvRecord> Read(string csv) => CsvReader.Read(new StringReader(csv)).ToList();

    [Fact]
    public void QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var records = Read("SiteCode,Name\r\n1-123456789,\"Beech House, \"\"East\"\" wing\"\n1-223456789,\"Two\nlines\"\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["1-123456789", "Beech House, \"East\" wing"], records[1].Fields);
        Assert.Equal("Two\nlines", records[2].Fields[1]);
    }

    [Fact]
    public void Records_KnowTheLineTheyStartOn()
    {
        var records = Read("a,b\n\"x\ny\",z\nlast,row");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void UnclosedQuote_IsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => Read("a,b\n\"never closed,x\n"));

        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTrailingFields_AreKept() => Assert.Equal(["a", "", ""], Read("a,,")[0].Fields);
}
