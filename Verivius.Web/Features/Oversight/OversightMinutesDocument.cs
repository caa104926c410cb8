using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Oversight;

/// <summary>
/// The minutes of one provider oversight meeting as a Word document: who attended and who sent
/// apologies, the nominated individual's decisions on challenges, the actions agreed and any other
/// business, in the order a board secretary would write them.
/// </summary>
internal sealed class OversightMinutesDocument : IDocumentComposer
{
    private readonly VeriviusDbContext _db;

    public OversightMinutesDocument(VeriviusDbContext db) => _db = db;

    public bool Writes(DocumentKind kind) => kind == DocumentKind.OversightMinutes;

    public async Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var meeting = await _db.OversightMeetings.AsNoTracking().SingleAsync(m => m.Id == document.MeetingId, cancellationToken);
        var provider = await _db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var decisions = await MeetingDecisions.OfAsync(_db, document.ProviderId, meeting.Id, cancellationToken);

        List<DocumentBlock> blocks =
        [
            new HeadingBlock(1, "Attendees"),
            .. Lines(meeting.Attendees, "Not recorded."),
            new HeadingBlock(1, "Apologies"),
            .. Lines(meeting.Apologies, "None."),
            new HeadingBlock(1, "Decisions on challenges"),
            new ParagraphBlock("The nominated individual's decisions on the challenges the portal raised, made on or before the meeting and not minuted before."),
            new TableBlock(
                [new("Decided on"), new("Site"), new("Decision", 3), new("By")],
                [.. decisions.Select(d => (IReadOnlyList<TableCellText>)[d.DecidedOn.ToBritishDate(), $"{d.SiteName} ({d.SiteCode})", d.Decision, d.By])],
                "No decision on a challenge was minuted at this meeting."),
            new HeadingBlock(1, "Actions agreed"),
            .. Bullets(meeting.ActionsAgreed, "No further actions were agreed."),
            new HeadingBlock(1, "Any other business"),
            .. Lines(meeting.OtherBusiness, "None."),
        ];
        return new DocumentContent(
            $"Minutes: {meeting.Title}",
            $"{provider}, {meeting.HeldOn.ToBritishDate()}",
            [$"Held on {meeting.HeldOn.ToBritishDate()}.", $"Written by Verivius on {now.ToBritishDate()}."],
            now,
            blocks);
    }

    private static string[] Split(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<DocumentBlock> Lines(string text, string none) =>
        Split(text).Select(line => (DocumentBlock)new ParagraphBlock(line)).DefaultIfEmpty(new ParagraphBlock(none)).ToList();

    private static List<DocumentBlock> Bullets(string text, string none) =>
        Split(text).ToList() is { Count: > 0 } items ? [new BulletsBlock(items)] : [new ParagraphBlock(none)];
}
