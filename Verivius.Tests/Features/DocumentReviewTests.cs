using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Documents;

namespace Verivius.Tests.Features;

/// <summary>
/// Outward documents are drafts until the nominated individual approves them: a commissioner sees an
/// update only once it is published, a month asked for again is a new revision rather than a second
/// copy, and a withdrawn update is shown to its commissioner as withdrawn, with the reason.
/// </summary>
public class DocumentReviewTests : IClassFixture<PortalFactory>
{
    private static readonly string LastMonth = TestClock.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private readonly PortalFactory _factory;

    public DocumentReviewTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task ACommissionerUpdate_IsSeenOnlyOnceApproved_IsRevisedNotCopied_AndIsSeenAsWithdrawn()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);
        var commissionerId = await ScalarAsync(db => db.Users.Where(u => u.Email == world.Commissioner).Select(u => u.Id).SingleAsync());

        var first = await AskAsync(ni, commissionerId);
        var (_, draftPage) = await ni.GetAsync($"/documents/{first}");
        using (var draft = await DownloadAsync(ni, first))
        {
            Assert.Contains("DRAFT for review, revision 1", Text(draft), StringComparison.Ordinal);
        }

        Assert.Contains("Approve and publish", draftPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/documents/{first}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/documents/{first}/download")).Status);
        Assert.DoesNotContain(first.ToString(), (await commissioner.GetAsync("/commissioner")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(manager, $"/documents/{first}/approve", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(admin, $"/documents/{first}/approve", [])).StatusCode);

        const string Commentary = "Staffing at Site 1 has steadied since the new rota.\nWe expect the notification backlog closed by the 20th.";
        const string Note = "The new deputy manager starts on the 4th.";
        var (_, reviewPage) = await ni.GetAsync($"/documents/{first}");
        Assert.Contains($"<option value=\"{world.SiteCodes[^1]}\"", reviewPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{world.SiteCodes[0]}\"", reviewPage, StringComparison.Ordinal);
        var notCovered = await PostFormAsync(ni, $"/documents/{first}/approve", [new("Commentary", Commentary), new("SiteNotes[0].SiteCode", world.SiteCodes[0]), new("SiteNotes[0].Text", Note)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notCovered.StatusCode);
        Assert.Contains("Choose, for each note on a site, one of the sites this document covers.", await notCovered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await PostFormAsync(ni, $"/documents/{first}/approve", [new("Commentary", Commentary), new("SiteNotes[0].SiteCode", world.SiteCodes[^1]), new("SiteNotes[0].Text", Note)]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using (var published = await DownloadAsync(commissioner, first))
        {
            var text = Text(published);
            Assert.Empty(new OpenXmlValidator().Validate(published));
            Assert.Contains(DocumentReviewing.CommentaryHeading, text, StringComparison.Ordinal);
            Assert.Contains("We expect the notification backlog closed by the 20th.", text, StringComparison.Ordinal);
            Assert.Matches($@"\nOn [^\n]+ \({world.SiteCodes[^1]}\)\n{Note}\n", text);
            Assert.Contains("Approved by", text, StringComparison.Ordinal);
            Assert.DoesNotContain("DRAFT", text, StringComparison.Ordinal);
        }

        var second = await AskAsync(ni, commissionerId);
        Assert.Equal([first], await CommissionerSeesAsync(commissioner, first, second));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(ni, $"/documents/{second}/approve", [])).StatusCode);
        Assert.Equal([second], await CommissionerSeesAsync(commissioner, first, second));

        var refused = await PostFormAsync(ni, $"/documents/{second}/withdraw", [new("Reason", " ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why it is withdrawn", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(ni, $"/documents/{second}/withdraw", [new("Reason", "The incident figures for Site 2 were entered twice.")])).StatusCode);

        var (_, home) = await commissioner.GetAsync("/commissioner");
        Assert.Contains("withdrawn by the provider", home, StringComparison.Ordinal);
        Assert.Contains("The incident figures for Site 2 were entered twice.", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/documents/{second}/download")).Status);
        var reviews = await ScalarAsync(db => db.Documents.Where(d => d.Id == first || d.Id == second).OrderBy(d => d.Revision).Select(d => new { d.Revision, d.Review }).ToListAsync());
        Assert.Equal([(1, DocumentReview.Superseded), (2, DocumentReview.Withdrawn)], reviews.Select(r => (r.Revision, r.Review)));
        var logged = await ScalarAsync(db => db.ChangeLog.Where(e => e.Entity == "GovernanceDocuments" && e.EntityKey.Contains(second.ToString()) && e.Actor == world.NominatedIndividual).Select(e => e.After).ToListAsync());
        Assert.Contains(logged, after => after!.Contains("\"Review\":\"Published\"", StringComparison.Ordinal));
        Assert.Contains(logged, after => after!.Contains("\"Review\":\"Withdrawn\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABoardPackDraft_AskedForAgain_IsSupersededByTheNextRevision_AndOnlyADraftCanBeApproved()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var first = await AskAsync(ni, commissionerId: null);

        var redraft = await PostFormAsync(ni, $"/documents/{first}/redraft", []);
        Assert.Equal(HttpStatusCode.Redirect, redraft.StatusCode);
        var second = Guid.Parse(redraft.Headers.Location!.OriginalString.Split('/')[^1]);
        await WaitWrittenAsync(second);
        var again = await PostFormAsync(ni, $"/documents/{first}/approve", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Only a written draft waiting for review can be approved.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, page) = await ni.GetAsync($"/documents/{second}");
        Assert.Contains("Draft 2, waiting for approval", page, StringComparison.Ordinal);
        Assert.Contains("Revision 1, superseded", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The provider may name one approver beside its nominated individual, from those who read all its
    /// documents: until named, its admin is refused; once named, they approve and the cover says in
    /// what part; a registered manager cannot be named; and the naming is in the change log.
    /// </summary>
    [Fact]
    public async Task AnApproverTheProviderNames_ApprovesBesideTheNominatedIndividual_AndNoOneElseCanBeNamed()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var adminId = await ScalarAsync(db => db.Users.Where(u => u.Email == world.Admin).Select(u => u.Id).SingleAsync());
        var managerId = await ScalarAsync(db => db.Users.Where(u => u.Email == world.RegisteredManager).Select(u => u.Id).SingleAsync());
        var draft = await AskAsync(ni, commissionerId: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(admin, $"/documents/{draft}/approve", [])).StatusCode);
        Assert.DoesNotContain("Approve and publish", (await admin.GetAsync($"/documents/{draft}")).Body, StringComparison.Ordinal);

        var (_, schedules) = await admin.GetAsync("/documents/schedules");
        Assert.Contains($"<option value=\"{adminId}\"", schedules, StringComparison.Ordinal);
        Assert.DoesNotContain(managerId, schedules, StringComparison.Ordinal);
        var refused = await admin.SubmitAsync("/documents/schedules", "/documents/approver", new() { ["approver"] = managerId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Name someone of your provider who reads all its documents", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ScalarAsync(db => db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.DocumentApproverId).SingleAsync()));

        var named = await admin.SubmitAsync("/documents/schedules", "/documents/approver", new() { ["approver"] = adminId });
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Contains("Approve and publish", (await admin.GetAsync($"/documents/{draft}")).Body, StringComparison.Ordinal);
        var approved = await PostFormAsync(admin, $"/documents/{draft}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using (var published = await DownloadAsync(ni, draft))
        {
            Assert.Matches(@"Approved by [^\n]+, approver named by the provider, on ", Text(published));
        }

        Assert.True(await ScalarAsync(db => db.ChangeLog.AnyAsync(e => e.Entity == "Providers" && e.After!.Contains("DocumentApproverId") && e.After.Contains(adminId))));
    }

    private async Task<Guid> AskAsync(PortalSession ni, string? commissionerId)
    {
        var fields = new Dictionary<string, string> { ["Kind"] = commissionerId is null ? "board-pack" : "commissioner-update", ["Period"] = LastMonth };
        if (commissionerId is not null)
        {
            fields["Commissioner"] = commissionerId;
        }

        var asked = await ni.SubmitAsync("/documents/new", "/documents", fields);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var id = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);
        await WaitWrittenAsync(id);
        return id;
    }

    /// <summary>Posts as a page of the portal would, with the person's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(PortalSession session, string action, KeyValuePair<string, string>[] fields)
    {
        var token = await session.TokenFromAsync("/documents");
        return await session.PostAsync(action, fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    private async Task WaitWrittenAsync(Guid id)
    {
        var status = DocumentStatus.Generating;
        for (var attempt = 0; attempt < 120 && status == DocumentStatus.Generating; attempt++)
        {
            await Task.Delay(250);
            status = await ScalarAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
        }

        Assert.Equal(DocumentStatus.Ready, status);
    }

    /// <summary>Which of the documents the commissioner's library links to.</summary>
    private static async Task<List<Guid>> CommissionerSeesAsync(PortalSession commissioner, params Guid[] documents)
    {
        var (_, library) = await commissioner.GetAsync("/documents");
        return [.. documents.Where(d => library.Contains($"/documents/{d}", StringComparison.Ordinal))];
    }

    private static async Task<WordprocessingDocument> DownloadAsync(PortalSession session, Guid id)
    {
        using var response = await session.Client.GetAsync(new Uri($"/documents/{id}/download", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
    }

    private static string Text(WordprocessingDocument word) => string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(WordText.Of));

    private async Task<T> ScalarAsync<T>(Func<VeriviusDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>());
    }
}
