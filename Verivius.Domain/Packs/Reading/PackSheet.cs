using Verivius.Domain.Sites;

namespace Verivius.Domain.Packs.Reading;

/// <summary>The Pack sheet: Field and Value pairs naming the site, the month, and who prepared it.</summary>
internal static class PackSheet
{
    public static PackHeader? Read(SheetReading reading, DateOnly today)
    {
        var rows = reading.Rows("Pack", out var layout);
        if (rows is null)
        {
            reading.Errors.Add(new PackIssue("Pack", null, "the workbook has no Pack sheet; it must name the site (SiteCode) and the month (Period)"));
            return null;
        }

        if (layout is null)
        {
            return null;
        }

        var values = new Dictionary<string, (string Text, string Cell, Workbooks.SheetRow Row)>();
        foreach (var row in rows)
        {
            var field = new RowReader(row, layout, reading.Date1904, reading.Errors).Text("Field");
            if (field is not null)
            {
                values[SheetLayout.Normalise(field)] = (row.At(layout.ColumnOf("Value")!.Value)?.Shown ?? "", layout.CellOf("Value", row.Number), row);
            }
        }

        string? Required(string field)
        {
            if (values.TryGetValue(SheetLayout.Normalise(field), out var value) && value.Text.Length > 0)
            {
                return value.Text.Trim();
            }

            reading.Errors.Add(new PackIssue("Pack", values.TryGetValue(SheetLayout.Normalise(field), out var empty) ? empty.Cell : null, $"{field} is missing; the Pack sheet needs a row with Field {field} and its Value"));
            return null;
        }

        var siteCode = Required("SiteCode");
        var periodText = Required("Period");
        var preparedBy = Required("PreparedBy");
        if (siteCode is not null && CqcLocationId.Problem(siteCode) is { } codeProblem)
        {
            reading.Errors.Add(new PackIssue("Pack", values[SheetLayout.Normalise("SiteCode")].Cell, codeProblem));
            siteCode = null;
        }

        PackPeriod? period = null;
        if (periodText is not null)
        {
            var cell = values[SheetLayout.Normalise("Period")].Cell;
            if (!PackPeriod.TryParse(periodText, out var parsed))
            {
                reading.Errors.Add(new PackIssue("Pack", cell, $"\"{periodText}\" is not a month; write it as YYYY-MM, for example 2026-10"));
            }
            else if (parsed.FirstDay > today)
            {
                reading.Errors.Add(new PackIssue("Pack", cell, $"{parsed} is in the future; a pack reports on a month that has begun"));
            }
            else
            {
                period = parsed;
            }
        }

        DateOnly? preparedOn = null;
        if (values.TryGetValue(SheetLayout.Normalise("PreparedOn"), out var prepared))
        {
            preparedOn = new RowReader(prepared.Row, layout, reading.Date1904, reading.Errors).Date("Value");
        }

        return siteCode is null || period is null || preparedBy is null ? null : new PackHeader(siteCode, period.Value, preparedBy, preparedOn);
    }
}

internal sealed record PackHeader(string SiteCode, PackPeriod Period, string PreparedBy, DateOnly? PreparedOn);
