using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>What the audit traces and by which deadlines, so a reader can check a gap for themselves.</summary>
internal sealed class HowTheAuditWorks : WrittenSection<TrailReportEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(TrailReportEvidence report) =>
    [
        new HeadingBlock(1, "How the audit works"),
        new ParagraphBlock(
            "Each governance decision of the month is traced to an action with an owner, a due date, a closure and closure evidence; each incident to its notification to CQC, "
            + "its duty-of-candour record (in person, apology, written follow-up), the action that came out of it and that action's evidence; each mandatory course that expired "
            + "or was planned in the month to a dated completion in that month's or the next month's training matrix; each member of staff whose supervision fell due in the month "
            + "to a dated session; and each inspection finding still open in the month to its action. Deadlines are those of the provider's challenge thresholds, with working days "
            + $"counted without weekends and bank holidays in England and Wales. The records are read as they stood on {Date(report.Audit.AsOf)}."),
    ];
}
