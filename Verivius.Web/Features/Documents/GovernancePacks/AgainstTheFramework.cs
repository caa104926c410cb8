using System.Globalization;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// The standing challenges read against the version of CQC's framework the provider uses: for each item
/// CQC judges, the challenges whose codes bear on it, and where leaders' own rating of it is challenged
/// as running ahead of the evidence. Which version, and whether it is a draft, is said first.
/// </summary>
internal sealed class AgainstTheFramework : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        if (await FrameworkInUse.FindAsync(pack.Db, pack.Document.ProviderId, cancellationToken) is not { } inUse)
        {
            return [];
        }

        var framework = inUse.Framework;
        var overconfident = pack.Challenges.Where(c => c.Code == ChallengeCodes.InsightOverconfident).ToList();
        List<DocumentBlock> blocks =
        [
            new HeadingBlock(1, "Against CQC's framework"),
            new ParagraphBlock($"This pack reads the evidence against {framework.Name}, version {framework.Version}"
                + (framework.Status == FrameworkStatus.Draft ? ", a draft CQC has not made final, which the provider has chosen to prepare for." : ".")
                + (inUse.ByLinesOfEnquiry
                    ? " CQC rates each key question as a judgement in the round; the challenges standing on the pack's day are counted against each line of enquiry their codes bear on, so one challenge may count under more than one line."
                    : " Leaders' own rating of a quality statement is challenged where the site's evidence supports two or more levels lower or High challenges are open.")),
        ];
        if (inUse.ByLinesOfEnquiry)
        {
            var lines = framework.Judged.Where(i => i.BearingCodes.Count > 0).ToList();
            blocks.Add(new TableBlock(
                [new("Key question", 2), new("Line of enquiry", 3), new("High challenges"), new("All standing"), new("Sites"), new("Leaders' rating challenged", 2)],
                [.. lines.Select(line =>
                {
                    var bearing = pack.Challenges.Where(c => line.BearingCodes.Contains(c.Code)).ToList();
                    return (IReadOnlyList<TableCellText>)[
                        line.KeyQuestion ?? framework.KeyQuestion, line.Title,
                        Count(bearing.Count(c => c.Severity == ChallengeSeverity.High), RagRating.Red), bearing.Count.ToString(CultureInfo.InvariantCulture),
                        bearing.Select(c => c.SiteId).Distinct().Count().ToString(CultureInfo.InvariantCulture),
                        SitesChallenged(pack, overconfident, line.KeyQuestion ?? "", line.Code, line.Title)];
                })],
                "No line of enquiry of this version names a challenge code."));
        }
        else
        {
            blocks.Add(new TableBlock(
                [new("Quality statement", 3), new("Leaders' rating challenged", 3)],
                [.. framework.Judged.Select(statement => (IReadOnlyList<TableCellText>)[statement.Title, SitesChallenged(pack, overconfident, statement.Code, statement.Title)])],
                "This version has no quality statements."));
        }

        return blocks;
    }

    private static TableCellText Count(int count, RagRating whenAny) => count == 0 ? new("0") : new(count.ToString(CultureInfo.InvariantCulture), whenAny);

    /// <summary>The sites whose INSIGHT-OVERCONFIDENT challenge is about a self-assessment naming one of the given names (a key question, a code or a title).</summary>
    private static TableCellText SitesChallenged(GovernancePackEvidence pack, List<PackChallenge> overconfident, params string[] names)
    {
        var sites = overconfident
            .Where(c => c.Subjects.Any(s => s.Kind == RecordKind.SelfAssessment && names.Contains(s.Ref, StringComparer.OrdinalIgnoreCase)))
            .Select(c => pack.SiteOf[c.SiteId].Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return sites.Count == 0 ? new("None") : new(string.Join(", ", sites), RagRating.Amber);
    }
}
