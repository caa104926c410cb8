using Verivius.Domain.Common;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Incidents over twelve months: how many CQC was notified of on time and how many candour follow-ups were written on time.</summary>
internal sealed class IncidentsAndCandour : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack)
    {
        var figures = pack.Figures;
        var notifiable = figures.Sum(s => s.Notifiable);
        var candour = figures.Sum(s => s.Candour);
        return
        [
            new HeadingBlock(1, "Incidents: notification and candour"),
            new ParagraphBlock(
                $"Over the twelve months to {Date(pack.AsOf)}: {Count(notifiable, "notifiable incident")}, {BritishNumbers.Percent(notifiable - figures.Sum(s => s.NotifiedLate), notifiable)} notified to CQC on time; "
                + $"{Count(candour, "incident")} under the duty of candour, {BritishNumbers.Percent(candour - figures.Sum(s => s.CandourLate), candour)} with the written follow-up on time."),
            new TableBlock(
                [new("Site", 3), new("Notifiable"), new("Notified late or not at all"), new("On time"), new("Candour applies"), new("Candour late"), new("On time")],
                [.. figures.Select(s => (IReadOnlyList<TableCellText>)
                [
                    s.Name, Number(s.Notifiable), Number(s.NotifiedLate), BritishNumbers.Percent(s.Notifiable - s.NotifiedLate, s.Notifiable),
                    Number(s.Candour), Number(s.CandourLate), BritishNumbers.Percent(s.Candour - s.CandourLate, s.Candour),
                ])],
                "There are no active sites."),
            .. PackTables.ChallengesOfFamily(pack, "INC-", "No incident challenge stands open."),
        ];
    }
}
