using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// What a template is filled with, so that a registered manager edits and adds rather than re-types: the
/// training and supervision matrices as they stand by the month, and the open actions, the recovery
/// map, the assurance statements and the open inspection findings, each row as its sheet would send it.
/// </summary>
internal sealed class PrefilledRows
{
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _rows = [];
    private readonly List<string> _told = [];

    private PrefilledRows()
    {
    }

    /// <summary>Per sheet, its rows as column → value.</summary>
    public IReadOnlyDictionary<string, List<Dictionary<string, object?>>> Rows => _rows;

    /// <summary>What was filled in, sheet by sheet, for the Instructions sheet: "Actions: the 4 open actions".</summary>
    public IReadOnlyList<string> Told => _told;

    public static async Task<PrefilledRows> ForAsync(VeriviusDbContext db, Guid siteId, DateOnly month, CancellationToken cancellationToken)
    {
        var filled = new PrefilledRows();
        var trainingMonth = await db.Training.Where(t => t.SiteId == siteId && t.Period <= month).MaxAsync(t => (DateOnly?)t.Period, cancellationToken);
        var supervisionMonth = await db.Supervision.Where(s => s.SiteId == siteId && s.Period <= month).MaxAsync(s => (DateOnly?)s.Period, cancellationToken);
        filled.Add(
            RecordKind.Training,
            await db.Training.Where(t => t.SiteId == siteId && t.Period == trainingMonth).Select(t => t.Details).ToListAsync(cancellationToken),
            $"the training matrix as it stands{MatrixOf(trainingMonth)}");
        filled.Add(
            RecordKind.Supervision,
            await db.Supervision.Where(s => s.SiteId == siteId && s.Period == supervisionMonth).Select(s => s.Details).ToListAsync(cancellationToken),
            $"the supervision record as it stands{MatrixOf(supervisionMonth)}");
        filled.Add(
            RecordKind.Actions,
            await db.Actions.Where(a => a.SiteId == siteId && a.Details.Status != ActionStatus.Closed).Select(a => a.Details).ToListAsync(cancellationToken),
            "the actions still open");
        filled.Add(
            RecordKind.Inspection,
            await db.InspectionFindings.Where(f => f.SiteId == siteId && !db.Actions.Any(a => a.Id == f.ActionId && a.Details.Status == ActionStatus.Closed))
                .Select(f => f.Details).ToListAsync(cancellationToken),
            "the inspection findings whose action is not closed");
        filled.Add(
            RecordKind.Assurance,
            await db.AssuranceStatements.Where(a => a.SiteId == siteId).Select(a => a.Details).ToListAsync(cancellationToken),
            "every assurance statement");
        filled.Add(
            RecordKind.Recovery,
            await db.RecoveryRisks.Where(r => r.SiteId == siteId && r.Details.Trend != RiskTrend.Resolved).Select(r => r.Details).ToListAsync(cancellationToken),
            "the recovery map's risks not yet resolved");
        return filled;
    }

    private static string MatrixOf(DateOnly? month) => month is { } m ? $" (from the {m.ToBritishMonth()} pack)" : "";

    /// <summary>A kind's rows in the order of what its sheet keys them by, each column taken from the detail of the same name.</summary>
    private void Add<TDetails>(RecordKind kind, List<TDetails> details, string what)
    {
        if (details.Count == 0)
        {
            return;
        }

        var entry = RecordCatalogue.Of(kind);
        var key = ((SheetRows<TDetails>)entry.Rows!).Key;
        var sheet = entry.Sheet!;
        _rows[sheet.Name] = [.. details.OrderBy(key, StringComparer.OrdinalIgnoreCase).Select(d => RowOf(d, [.. sheet.Columns]))];
        _told.Add($"{sheet.Name}: {what}, {DocumentWords.Count(details.Count, "row")}");
    }

    /// <summary>A row as the sheet's columns, read from the detail each column names: a choice by its name, a date as a date.</summary>
    public static Dictionary<string, object?> RowOf<TDetails>(TDetails details, IReadOnlyList<string> columns) =>
        columns.ToDictionary(
            column => column,
            column => (typeof(TDetails).GetProperty(column) ?? throw new InvalidOperationException($"{typeof(TDetails).Name} has no {column} for its sheet's column.")).GetValue(details) switch
            {
                Enum choice => (object?)choice.ToString(),
                var value => value,
            });
}
