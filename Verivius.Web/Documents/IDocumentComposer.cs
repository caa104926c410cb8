using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;

namespace Verivius.Web.Documents;

/// <summary>Decides what one kind of governance document says, from the evidence as at its day.</summary>
internal interface IDocumentComposer
{
    bool Writes(DocumentKind kind);

    Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken);
}
