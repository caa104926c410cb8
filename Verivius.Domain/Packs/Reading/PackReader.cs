using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Domain.Packs.Reading;

/// <summary>
/// Reads a monthly pack workbook against format v1: every sheet, every row, every cell, reporting all
/// problems at once. References to other records are checked later, against the site's records.
/// </summary>
public static class PackReader
{
    public static PackReadResult Read(IWorkbookSource workbook, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var context = new SheetReading(workbook);
        foreach (var name in workbook.SheetNames.Where(n => SheetReading.SpecOf(n) is null && !PackFormat.Ignored.Any(i => Same(i, n))))
        {
            // A misspelt pack sheet would otherwise import as a pack without that sheet's records.
            if (MeantSheet(name) is { } meant)
            {
                context.Errors.Add(new PackIssue(name, null, $"this looks like the \"{meant}\" sheet with its name changed; rename it \"{meant}\" (sheet names must match the template)"));
            }
            else
            {
                context.Warnings.Add(new PackIssue(name, null, "this sheet is not part of the pack format and was ignored"));
            }
        }

        var pack = PackSheet.Read(context, today);
        var rows = new Dictionary<RecordKind, object>();
        foreach (var entry in RecordCatalogue.All.Where(e => e.Rows is not null))
        {
            if (entry.Rows!.Ask(new SheetOfKind(context, entry)) is { } read)
            {
                rows[entry.Kind] = read;
            }
        }

        var content = new PackContent(rows)
        {
            SiteCode = pack?.SiteCode ?? "",
            Period = pack?.Period ?? default,
            PreparedBy = pack?.PreparedBy ?? "",
            PreparedOn = pack?.PreparedOn,
            RowCounts = context.RowCounts,
        };
        return new PackReadResult(context.Errors.Count == 0 && pack is not null ? content : null, context.Errors, context.Warnings);
    }

    /// <summary>The pack sheet a sheet's name is close to: at most two letters different, or one name the start of the other.</summary>
    internal static string? MeantSheet(string name)
    {
        var given = SheetLayout.Normalise(name);
        return PackFormat.Sheets.Select(s => s.Name).FirstOrDefault(format =>
        {
            var expected = SheetLayout.Normalise(format);
            var shorter = Math.Min(given.Length, expected.Length);
            return EditDistance(given, expected) <= 2
                || (shorter >= 5 && (given.StartsWith(expected, StringComparison.Ordinal) || expected.StartsWith(given, StringComparison.Ordinal)));
        });
    }

    /// <summary>Levenshtein distance, over two rows so that it needs no recursion and little memory.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    internal static bool Same(string a, string b) => SheetLayout.Normalise(a) == SheetLayout.Normalise(b);
}
