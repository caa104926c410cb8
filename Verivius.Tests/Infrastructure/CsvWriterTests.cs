using Verivius.Infrastructure.Files;

namespace Verivius.Tests.Infrastructure;

public class CsvWriterTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-12", "'-12")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("", "")]
    public void Cells_ThatASpreadsheetWouldReadAsAFormula_AreEscaped_AndQuotingFollowsRfc4180(string value, string written)
    {
        Assert.Equal(written, CsvWriter.Cell(value));
    }

    [Fact]
    public void WhatItWrites_CsvReaderReadsBack()
    {
        var line = CsvWriter.Line(["ACT-OVERDUE", "Action A-1 (\"Fix, now\")\nlate", null]);

        var record = Assert.Single(CsvReader.Read(new StringReader(line)));

        Assert.Equal(["ACT-OVERDUE", "Action A-1 (\"Fix, now\")\nlate", ""], record.Fields);
    }
}
