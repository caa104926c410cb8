using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The challenges the nominated individual escalated: they stay open until the board closes them.</summary>
internal sealed class DecisionsNeeded : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack) =>
    [
        new HeadingBlock(1, "Decisions needed"),
        new ParagraphBlock("Challenges escalated by the nominated individual stay open until the board closes them."),
        .. PackTables.Challenges(pack, [.. pack.Challenges.Where(c => c.Status == ChallengeStatus.Escalated)], "No challenge is escalated.", withReason: true),
    ];
}
