using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.CommissionerUpdates;

/// <summary>The position across every commissioned site in one paragraph, and the promise that no one is named.</summary>
internal sealed class CommissionerSummary : WrittenSection<CommissionerUpdateEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(CommissionerUpdateEvidence update)
    {
        var risks = update.Positions;
        return
        [
            new HeadingBlock(1, "Summary"),
            new ParagraphBlock(update.Sites.Count == 0
                ? $"{update.ProviderName} has no active site commissioned by you; there is no recovery position to report."
                : $"The recovery position at {Date(update.Document.DataAsOf)} of the {Count(update.Sites.Count, "site")} {update.ProviderName} runs for you. "
                    + $"Across them, {Count(risks.Sum(g => g.Count(r => r.Trend != RiskTrend.Resolved)), "recovery risk")} remain open: "
                    + $"{risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Improving))} improving, {risks.Sum(g => g.Count(r => r.Trend == RiskTrend.NoChange))} not changing and "
                    + $"{risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Worsening))} worsening; {risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Resolved))} have been resolved."),
            new ParagraphBlock("This update names no member of staff and no person who uses the service."),
        ];
    }
}
