using Verivius.Infrastructure.Documents;

namespace Verivius.Web.Documents;

/// <summary>
/// One section of a document, with one job: it gathers what it alone needs from the evidence the
/// document shares with every section, then writes its blocks. A document is a list of sections.
/// </summary>
internal interface IDocumentSection<in TEvidence>
{
    Task<IEnumerable<DocumentBlock>> WriteAsync(TEvidence evidence, CancellationToken cancellationToken);
}

/// <summary>A section that needs nothing beyond the document's shared evidence: it only writes.</summary>
internal abstract class WrittenSection<TEvidence> : IDocumentSection<TEvidence>
{
    public Task<IEnumerable<DocumentBlock>> WriteAsync(TEvidence evidence, CancellationToken cancellationToken) => Task.FromResult(Write(evidence));

    protected abstract IEnumerable<DocumentBlock> Write(TEvidence evidence);
}

internal static class DocumentSections
{
    /// <summary>Writes the sections in their order, one after another, so a later one (an appendix) may read what earlier ones cited.</summary>
    public static async Task<List<DocumentBlock>> WriteAsync<TEvidence>(IEnumerable<IDocumentSection<TEvidence>> sections, TEvidence evidence, CancellationToken cancellationToken)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var section in sections)
        {
            blocks.AddRange(await section.WriteAsync(evidence, cancellationToken));
        }

        return blocks;
    }
}
