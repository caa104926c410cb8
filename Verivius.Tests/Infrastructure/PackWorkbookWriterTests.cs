using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Verivius.Domain.Packs;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Workbooks;
using Verivius.Tests.Builders;

namespace Verivius.Tests.Infrastructure;

public class PackWorkbookWriterTests
{
    private static readonly byte[] Template = PackWorkbookWriter.Write("1-123456789", "Beech House", new PackPeriod(2026, 10), "Amira Okafor");

    [Fact]
    public void TheTemplate_IsValidOfficeOpenXml()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Template), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void TheTemplate_ReadsBackAsAnEmptyMonthForItsSite_ThatSendsNoMatrix()
    {
        using var workbook = XlsxWorkbook.Open(new MemoryStream(Template));

        var result = PackReader.Read(workbook, new DateOnly(2026, 11, 22));

        Assert.Empty(result.Errors);
        Assert.Equal(["Training", "Supervision"], result.Warnings.Select(w => w.Sheet));
        Assert.Null(result.Content!.Training);
        Assert.Null(result.Content!.Supervision);
        Assert.Equal("1-123456789", result.Content!.SiteCode);
        Assert.Equal("2026-10", result.Content.Period.ToString());
        Assert.Equal("Amira Okafor", result.Content.PreparedBy);
        Assert.All(result.Content.RowCounts.Values, count => Assert.Equal(0, count));
        Assert.Equal(PackFormat.Sheets.Count - 1, result.Content.RowCounts.Count);
    }

    [Fact]
    public void EveryChoiceColumn_HasADropDownOfItsValues()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Template), false);
        var workbook = document.WorkbookPart!;
        var incidents = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Incidents").Id!);

        var lists = incidents.Worksheet.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();

        Assert.Contains("\"None,Low,Moderate,Severe,Death\"", lists);
        Assert.Contains("\"Y,N\"", lists);
        Assert.Contains("\"Fall,Medication,Safeguarding,PressureUlcer,Behaviour,MissingPerson,Infection,Death,Other\"", lists);
    }

    [Fact]
    public void DateColumns_AreFormattedAsDates()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Template), false);
        var workbook = document.WorkbookPart!;
        var actions = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Actions").Id!);
        var dateFormat = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        var raisedOn = actions.Worksheet.Descendants<Column>().ElementAt(PackFormat.Sheet("Actions").Columns.ToList().IndexOf("RaisedOn"));

        Assert.Equal(164u, dateFormat[(int)raisedOn.Style!.Value].NumberFormatId!.Value);
    }
}
