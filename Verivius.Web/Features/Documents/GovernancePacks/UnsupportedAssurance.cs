using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Claims by leaders that the evidence does not bear out: the ASSUR-* challenges standing.</summary>
internal sealed class UnsupportedAssurance : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack) =>
    [
        new HeadingBlock(1, "Unsupported assurance"),
        new ParagraphBlock("Claims by leaders that the evidence does not bear out (ASSUR-* challenges)."),
        .. PackTables.ChallengesOfFamily(pack, "ASSUR-", "Every assurance statement is supported by the evidence."),
    ];
}
