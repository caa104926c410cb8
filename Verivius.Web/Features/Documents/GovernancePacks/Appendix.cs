using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// A register moved behind the body of the pack, lettered in the order the appendices come; the first
/// starts a new page. The register writes itself as it would anywhere; only its title says where it is.
/// </summary>
internal sealed class Appendix : IDocumentSection<GovernancePackEvidence>
{
    private readonly char _letter;
    private readonly IDocumentSection<GovernancePackEvidence> _register;

    private Appendix(char letter, IDocumentSection<GovernancePackEvidence> register)
    {
        _letter = letter;
        _register = register;
    }

    /// <summary>Which appendix, and of which register: "Appendix A (RecoveryMap)".</summary>
    public string Name => $"Appendix {_letter} ({_register.GetType().Name})";

    /// <summary>The registers as appendices A, B, C… in the order given.</summary>
    public static IEnumerable<IDocumentSection<GovernancePackEvidence>> Of(params IDocumentSection<GovernancePackEvidence>[] registers) =>
        registers.Select((register, i) => new Appendix((char)('A' + i), register));

    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var blocks = await _register.WriteAsync(pack, cancellationToken);
        IEnumerable<DocumentBlock> lettered = blocks.Select(block => block is HeadingBlock { Level: 1 } heading ? heading with { Text = $"Appendix {_letter}: {heading.Text}" } : block);
        return _letter == 'A' ? lettered.Prepend(new PageBreakBlock()) : lettered;
    }
}
