using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.History;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Documents;
using Verivius.Web.Features.Documents;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

/// <summary>
/// The Word documents written from the demo provider's twelve months: each kind is valid Office Open
/// XML, says what the records say, and reaches only the people it is for.
/// </summary>
[Trait("Category", TestClock.DateSensitive)]
public class GovernanceDocumentTests : IClassFixture<GovernanceDocumentTests.DemoPortal>
{
    private const string Password = "verivius-demo-password";
    private const string Provider = "Demo Care Group";
    private const string CedarLodge = "1-101000002";

    private static readonly string LastMonth = TestClock.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private readonly DemoPortal _factory;

    public GovernanceDocumentTests(DemoPortal factory) => _factory = factory;

    [Fact]
    public async Task TheBoardPack_IsValidWord_WithEverySection_ARowPerSiteMatchingItsRecords_AndTheCharts()
    {
        using var word = await GenerateAsync("board-pack", provider: Provider);

        AssertValid(word);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal(
            ["Executive summary", "Decisions needed", "Sites at a glance", "Sites needing attention", "Trends",
             "Appendix A: Recovery map", "Appendix B: Unsupported assurance", "Appendix C: Overdue actions", "Appendix D: Incidents: notification and candour", "Appendix E: Complaints and learning",
             "Appendix F: Training, supervision and appraisal", "Appendix G: Response to inspection findings", "Appendix H: Against CQC's framework", "Appendix I: Records referenced"],
            Styled(body, "Heading1"));
        Assert.Equal(4, word.MainDocumentPart.ImageParts.Count());

        // The sites-at-a-glance table, against the records counted here independently.
        var glance = TableAfter(body, "Sites at a glance");
        var rows = glance.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(WordText.Of).ToList()).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.OrderBy(s => s.Name).Select(s => new
        {
            s.Name,
            s.Code,
            OpenRisks = db.RecoveryRisks.Count(r => r.SiteId == s.Id && r.Details.Trend != RiskTrend.Resolved),
            Worsening = db.RecoveryRisks.Count(r => r.SiteId == s.Id && r.Details.Trend == RiskTrend.Worsening),
            s.CqcRating,
            s.CqcWellLedRating,
            s.CqcRatingPublishedOn,
        }).ToListAsync();
        Assert.Equal(sites.Select(s => $"{s.Name} ({s.Code})"), rows.Select(r => r[0]));
        Assert.Equal(
            sites.Select(s => $"{PlainWords.Of(s.CqcRating!.Value)}, Well-led: {PlainWords.Of(s.CqcWellLedRating!.Value)} (published {s.CqcRatingPublishedOn!.Value.ToBritishDate()}, "),
            rows.Select(r => r[1][..(r[1].IndexOf(", ", r[1].IndexOf("published", StringComparison.Ordinal), StringComparison.Ordinal) + 2)]));
        Assert.All(rows, r => Assert.Matches(@"\d+ months? ago\)$", r[1]));
        Assert.Equal(QualityRating.RequiresImprovement, sites.Single(s => s.Name == "Riverside Home Care").CqcWellLedRating);
        Assert.Equal("Requires improvement", PlainWords.Of(sites.Single(s => s.Code == CedarLodge).CqcRating!.Value));
        Assert.Equal(sites.Select(s => s.OpenRisks.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[3]));
        Assert.Equal(sites.Select(s => s.Worsening.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[4]));
        Assert.Equal("Red", rows.Single(r => r[0].StartsWith("Cedar Lodge", StringComparison.Ordinal))[^1]);

        // Every risk the recovery map names is in the appendix.
        var appendix = TableAfter(body, "Appendix I: Records referenced").Elements<TableRow>().Skip(1).Select(r => string.Join("|", r.Elements<TableCell>().Select(WordText.Of))).ToHashSet();
        var cedarRisks = await db.RecoveryRisks.Where(r => db.Sites.Any(s => s.Id == r.SiteId && s.Code == CedarLodge) && r.Details.Trend != RiskTrend.Resolved).Select(r => r.Ref).ToListAsync();
        Assert.NotEmpty(cedarRisks);
        Assert.All(cedarRisks, risk => Assert.Contains($"Cedar Lodge|Risk|{risk}", appendix));
    }

    /// <summary>
    /// "What changed since the last pack" counts the register's events on the provider's sites in the days since the last
    /// board pack's evidence (or in the month, for the first), as the events joined to their challenges here say. The pack
    /// is this month's, since the demo's challenges were raised today; with or without last month's pack before it, its
    /// days are this month's.
    /// </summary>
    [Fact]
    public async Task TheExecutiveSummary_CountsTheRegistersEventsOnTheProvidersSites_SinceTheLastPack()
    {
        using var word = await GenerateAsync("board-pack", provider: Provider, month: TestClock.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var body = word.MainDocumentPart!.Document.Body!;
        var changed = body.Elements<Paragraph>().SkipWhile(p => p.InnerText != "What changed since the last pack").Skip(1).First().InnerText;

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var written = await db.Documents.Where(d => d.Kind == DocumentKind.BoardPack && d.Status == DocumentStatus.Ready).OrderByDescending(d => d.CreatedAt).FirstAsync();
        var since = await db.Documents
            .Where(d => d.ProviderId == written.ProviderId && d.Kind == DocumentKind.BoardPack && d.SiteId == null && d.Status == DocumentStatus.Ready && d.Period < written.Period)
            .OrderByDescending(d => d.Period).Select(d => (DateOnly?)d.DataAsOf).FirstOrDefaultAsync() ?? written.Period.AddDays(-1);
        var kinds = await db.ChallengeEvents.Where(e => e.On > since && e.On <= written.DataAsOf)
            .Join(db.Challenges, e => e.ChallengeId, c => c.Id, (e, c) => new { e.Kind, c.SiteId })
            .Join(db.Sites.Where(s => s.ProviderId == written.ProviderId && s.IsActive), e => e.SiteId, s => s.Id, (e, s) => e.Kind)
            .ToListAsync();
        int Of(params ChallengeEventKind[] wanted) => kinds.Count(wanted.Contains);

        Assert.True(Of(ChallengeEventKind.Raised) > 0, "The demo's registers should have challenges raised since last month's pack.");
        Assert.Contains(
            $"{Of(ChallengeEventKind.Raised, ChallengeEventKind.Reopened)} challenge{(Of(ChallengeEventKind.Raised, ChallengeEventKind.Reopened) == 1 ? "" : "s")} raised or reopened, "
            + $"{Of(ChallengeEventKind.ConditionCleared)} cleared by the evidence, {Of(ChallengeEventKind.Accepted)} answered and accepted, "
            + $"{Of(ChallengeEventKind.Escalated)} escalated and {Of(ChallengeEventKind.Responded)} answered by the sites.",
            changed,
            StringComparison.Ordinal);
    }

    /// <summary>
    /// The records the standing challenges name reach the board pack: the recovery map counts the challenges standing on
    /// each risk, and every record an incident challenge names is in the records appendix, as the register's own rows of
    /// each challenge's records (read here independently) say.
    /// </summary>
    [Fact]
    public async Task TheBoardPack_CountsTheChallengesOnEachRisk_AndCitesTheRecordsTheChallengesName()
    {
        using var word = await GenerateAsync("board-pack", provider: Provider);
        var body = word.MainDocumentPart!.Document.Body!;
        var map = TablesUnder(body, "Appendix A: Recovery map").SelectMany(Rows).ToList();
        var appendix = Rows(TableAfter(body, "Appendix I: Records referenced")).Select(r => string.Join("|", r)).ToHashSet();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var active = ChallengeStatuses.Active;
        var named = await db.ChallengeSubjects
            .Join(db.Challenges.Where(c => active.Contains(c.Status)), s => s.ChallengeId, c => c.Id, (s, c) => new { c.SiteId, c.Code, s.Kind, s.Ref })
            .ToListAsync();
        var siteNames = await db.Sites.ToDictionaryAsync(s => s.Id, s => s.Name);
        var onRisk = named.Where(s => s.Kind == RecordKind.Recovery).ToLookup(s => (siteNames[s.SiteId], s.Ref));
        Assert.NotEmpty(map);
        Assert.All(map, row => Assert.Equal(onRisk[(row[0], row[1][(row[1].LastIndexOf('(') + 1)..^1])].Count().ToString(CultureInfo.InvariantCulture), row[6]));
        Assert.Contains(map, row => row[6] != "0");

        var incidentRecords = named.Where(s => s.Code.StartsWith("INC-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(incidentRecords);
        Assert.All(incidentRecords, s => Assert.Contains($"{siteNames[s.SiteId]}|{RecordCatalogue.Of(s.Kind).Singular}|{s.Ref}", appendix));
    }

    /// <summary>
    /// The overdue-actions appendix lists what was overdue at the pack's day: an action closed since then still is, one
    /// closed by then is not, and the rows are as many as a count taken here from the records (up to the table's cap),
    /// longest overdue first and, on the same day, by home.
    /// </summary>
    [Fact]
    public async Task TheOverdueActionsAppendix_ListsTheActionsOverdueAtThePacksDay_AnActionClosedSinceIncluded()
    {
        using var portal = new DemoPortal();
        portal.CreateClient().Dispose();
        var asOf = DocumentGenerator.DataAsOf(TestClock.LastMonth, TestClock.Today);
        var longAgo = asOf.AddYears(-2);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var cedar = await db.Sites.Where(s => s.Code == CedarLodge).Select(s => s.Id).SingleAsync();
            ActionDetails Closed(string reference, string title, DateOnly closedOn) => new(
                reference, title, ActionSource.Audit, null, "Deputy manager", longAgo.AddDays(-30), longAgo, ActionStatus.Closed, closedOn, "Done and checked.", null, AssuranceArea.Documentation);
            db.Actions.AddRange(
                new ImprovementAction(cedar, Closed("ACT-SINCE", "Closed after the pack's day", asOf.AddDays(1))),
                new ImprovementAction(cedar, Closed("ACT-BY-THEN", "Closed on the pack's day", asOf)));
            await db.SaveChangesAsync();
        }

        var file = new MemoryStream();
        await TestWorlds.AsOperatorAsync(portal, async mediator =>
            TestWorlds.Expect(await mediator.Send(new GenerateDocumentCommand("board-pack", LastMonth, Provider, null, null, file))));
        file.Position = 0;
        using var word = WordprocessingDocument.Open(file, false);
        var rows = Rows(TableAfter(word.MainDocumentPart!.Document.Body!, "Appendix C: Overdue actions"));

        await using var check = portal.Services.CreateAsyncScope();
        var records = check.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var overdue = await records.Actions.CountAsync(a => records.Sites.Any(s => s.Id == a.SiteId && s.IsActive)
            && a.Details.DueOn < asOf && (a.Details.Status != ActionStatus.Closed || a.Details.ClosedOn > asOf));
        Assert.Equal(["Cedar Lodge", "Closed after the pack's day (ACT-SINCE)", "Deputy manager", GovernanceDocumentWriter.Date(longAgo)], rows[0]);
        Assert.DoesNotContain(rows, r => r[1].Contains("ACT-BY-THEN", StringComparison.Ordinal));
        Assert.Equal(Math.Min(overdue, Verivius.Web.Features.Documents.GovernancePacks.PackTables.ListedRows), rows.Count);

        // Longest overdue first; on the same day, by home.
        var order = rows.Select(r => (Due: DateOnly.ParseExact(r[3], "d MMMM yyyy", CultureInfo.InvariantCulture), Site: r[0])).ToList();
        Assert.Equal(order.OrderBy(r => r.Due).ThenBy(r => r.Site, StringComparer.Ordinal), order);
    }

    /// <summary>
    /// Mandatory training in date and supervision on time are one figure each: each site's value in the
    /// board pack's tables, and the provider-wide value on the provider view and its chart, equal a count
    /// taken here with plain SQL.
    /// </summary>
    [Fact]
    public async Task TrainingAndSupervision_AreTheSameFigures_InTheBoardPack_TheProviderView_AndItsChart_AsCountedWithSql()
    {
        var counted = await TrainingCountedWithSqlAsync(TestClock.LastMonth);
        var supervised = await SupervisionCountedWithSqlAsync(TestClock.LastMonth, days: 90);
        using var word = await GenerateAsync("board-pack", provider: Provider);
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);
        var (_, page) = await ni.GetAsync("/provider");

        var body = word.MainDocumentPart!.Document.Body!;
        var workforce = Rows(TableAfter(body, "Appendix F: Training, supervision and appraisal"));
        var glance = Rows(TableAfter(body, "Sites at a glance"));
        Assert.Equal(counted.Select(c => c.Name), workforce.Select(r => r[0]));
        Assert.Equal(counted.Select(c => c.Staff.ToString(CultureInfo.InvariantCulture)), workforce.Select(r => r[1]));
        Assert.Equal(counted.Select(c => BritishNumbers.Percent(c.InDate, c.Staff)), workforce.Select(r => r[2]));
        Assert.Equal(
            counted.Select(c => (c.Name, BritishNumbers.Percent(c.InDate, c.Staff))).Order(),
            glance.Select(r => (r[0][..r[0].LastIndexOf(" (", StringComparison.Ordinal)], r[8])).Order());
        Assert.Equal(supervised.Select(c => BritishNumbers.Percent(c.InDate, c.Staff)), workforce.Select(r => r[3]));

        // The demo's character shows through: the troubled home is far behind the exemplary one.
        Assert.True(counted.Min(c => 100.0 * c.InDate / c.Staff) < 60 && counted.Max(c => 100.0 * c.InDate / c.Staff) > 95, string.Join(", ", counted));

        var (inDate, staff) = (counted.Sum(c => c.InDate), counted.Sum(c => c.Staff));
        Assert.Contains($"{inDate} of {staff} staff ({BritishNumbers.Percent(inDate, staff)})", page, StringComparison.Ordinal);
        var (onTime, supervisedStaff) = (supervised.Sum(c => c.InDate), supervised.Sum(c => c.Staff));
        Assert.Contains($"{onTime} of {supervisedStaff} staff ({BritishNumbers.Percent(onTime, supervisedStaff)})", page, StringComparison.Ordinal);
        var chart = page[page.IndexOf("id=\"trend-training-title\"", StringComparison.Ordinal)..];
        var lastPoint = chart[..chart.IndexOf("</tbody>", StringComparison.Ordinal)].Split("<tr>")[^1];
        Assert.Contains($"<td>{(100.0 * inDate / staff).ToString("0.#", CultureInfo.InvariantCulture)}%</td>", lastPoint, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every other measure is one figure too: each demo site's unfilled shifts, agency share, actions
    /// closed on time and notifications on time, counted here with plain SQL, are what its own page,
    /// the board pack's staffing table and the commissioner update say, and the provider view shows their sums.
    /// </summary>
    [Fact]
    public async Task EveryMeasure_IsOneFigure_OnEachSitesPage_TheProviderView_TheBoardPack_TheCommissionerUpdate_AndTheApi_AsCountedWithSql()
    {
        var counted = await MeasuresCountedWithSqlAsync(TestClock.LastMonth, TestClock.Today);
        var training = (await TrainingCountedWithSqlAsync(TestClock.LastMonth)).ToDictionary(c => c.Name, c => (c.Staff, c.InDate));
        var supervision = (await SupervisionCountedWithSqlAsync(TestClock.LastMonth, days: 90)).ToDictionary(c => c.Name, c => (c.Staff, c.InDate));
        using var api = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            await TestWorlds.IssueApiTokenAsync(_factory, "admin@demo.verivius.test", $"Figures check {Guid.NewGuid():N}", Verivius.Domain.Access.ApiPermissions.ReadRecovery, [.. counted.Select(c => c.Code)]));
        using var board = await GenerateAsync("board-pack", provider: Provider);
        using var update = await GenerateAsync("commissioner-update", commissioner: "commissioner@demo.verivius.test");
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);
        var (_, providerPage) = await ni.GetAsync("/provider");

        // The demo's character shows through: staffing is not the same everywhere.
        Assert.True(counted.Select(c => Percent(c.Unfilled)).Distinct().Count() > 2, string.Join(", ", counted));

        var staffing = Rows(TableAfter(board.MainDocumentPart!.Document.Body!, "Staffing", "Heading2"));
        Assert.Equal(
            counted.Select(c => (c.Name, Whole(c.Unfilled), Percent(c.Unfilled), Percent(c.Agency))),
            staffing.Select(r => (r[0], r[1], r[2], r[3])));

        var updateBody = update.MainDocumentPart!.Document.Body!;
        foreach (var site in counted)
        {
            var (_, sitePage) = await ni.GetAsync($"/sites/{site.Code}");
            var figures = Html(sitePage[sitePage.IndexOf("id=\"figures\"", StringComparison.Ordinal)..sitePage.IndexOf("id=\"trends\"", StringComparison.Ordinal)]);
            Assert.Contains(Counted(site.Unfilled, "shifts"), figures, StringComparison.Ordinal);
            Assert.Contains(Counted(site.Agency, "hours"), figures, StringComparison.Ordinal);
            Assert.Contains(Counted(site.ActionsOnTime, "actions due"), figures, StringComparison.Ordinal);
            Assert.Contains(Counted(site.NotifiedOnTime, "notifiable incidents"), figures, StringComparison.Ordinal);

            using var position = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/sites/{site.Code}/recovery?month={LastMonth}", UriKind.Relative)));
            var inApi = position.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
            Assert.Equal(Counted(site.Unfilled, "shifts"), inApi["Unfilled shifts"]);
            Assert.Equal(Counted(site.Agency, "hours"), inApi["Agency share of hours"]);
            Assert.Equal(Counted(site.ActionsOnTime, "actions due"), inApi["Actions closed on time"]);
            Assert.Equal(Counted(site.NotifiedOnTime, "notifiable incidents"), inApi["CQC notifications on time"]);
            var (staff, inDate) = training[site.Name];
            Assert.Equal($"{inDate} of {staff} staff ({BritishNumbers.Percent(inDate, staff)})", inApi["Mandatory training in date"]);
            var (supervisedStaff, onTime) = supervision[site.Name];
            Assert.Equal($"{onTime} of {supervisedStaff} staff ({BritishNumbers.Percent(onTime, supervisedStaff)})", inApi["Staff supervised on time"]);

            if (site.Name is "Cedar Lodge" or "Elm Court")
            {
                var inUpdate = Rows(TableAfter(updateBody, site.Name, "Heading1", then: "Heading2")).ToDictionary(r => r[0], r => r[1]);
                Assert.Equal(Counted(site.Unfilled, "shifts"), inUpdate["Unfilled shifts"]);
                Assert.Equal(Counted(site.Agency, "hours"), inUpdate["Agency share of hours"]);
                Assert.Equal(Counted(site.ActionsOnTime, "actions due"), inUpdate["Actions closed on time"]);
                Assert.DoesNotContain("Open challenges (High)", inUpdate.Keys);
            }
        }

        var provider = Html(providerPage[providerPage.IndexOf("id=\"figures\"", StringComparison.Ordinal)..]);
        (double, double) Sum(Func<MeasuredBySql, (double Part, double Whole)> of) => (counted.Sum(c => of(c).Part), counted.Sum(c => of(c).Whole));
        Assert.Contains(Counted(Sum(c => c.Unfilled), "shifts"), provider, StringComparison.Ordinal);
        Assert.Contains(Counted(Sum(c => c.Agency), "hours"), provider, StringComparison.Ordinal);
        Assert.Contains(Counted(Sum(c => c.ActionsOnTime), "actions due"), provider, StringComparison.Ordinal);
        Assert.Contains(Counted(Sum(c => c.NotifiedOnTime), "notifiable incidents"), provider, StringComparison.Ordinal);

        static string Whole((double Part, double Whole) share) => share.Whole.ToString("#,0", CultureInfo.InvariantCulture);
        static string Percent((double Part, double Whole) share) => share.Whole == 0 ? "—" : $"{Math.Round(100 * share.Part / share.Whole).ToString(CultureInfo.InvariantCulture)}%";
        static string Counted((double Part, double Whole) share, string things) => share.Whole == 0
            ? $"no {things} to measure"
            : string.Create(CultureInfo.InvariantCulture, $"{share.Part:#,0.#} of {share.Whole:#,0.#} {things} ({Percent(share)})");
        static string Html(string page) => WebUtility.HtmlDecode(page);
    }

    private static readonly string[] TroubledHomes = ["Cedar Lodge", "Hawthorn View"];

    [Fact]
    public async Task SitesAtAGlance_InTheBoardPackAndTheProviderView_RankByOneRule_TroubledHomesFirst_TheExemplaryLast()
    {
        using var word = await GenerateAsync("board-pack", provider: Provider);
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);
        var (_, page) = await ni.GetAsync("/provider");

        var body = word.MainDocumentPart!.Document.Body!;
        var inPack = Rows(TableAfter(body, "Sites at a glance")).Select(r => (Site: r[0][..r[0].LastIndexOf(" (", StringComparison.Ordinal)], Rating: r[^1])).ToList();
        var glance = page[page.IndexOf("id=\"glance\"", StringComparison.Ordinal)..page.IndexOf("id=\"heat\"", StringComparison.Ordinal)];
        var onPage = System.Text.RegularExpressions.Regex.Matches(glance, "<th scope=\"row\"><a href=\"[^\"]+\">(?<name>[^<]+)</a>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value)).ToList();

        // The pack rates as at its month's end and the page as at today, so between the two the middle
        // of the order may move; the rule is the same, so the ends and the ordering by rating hold on any day.
        Assert.Equal(inPack.Select(s => s.Site).Order(StringComparer.Ordinal), onPage.Order(StringComparer.Ordinal));
        Assert.Equal(("Beech House", "Beech House"), (inPack[^1].Site, onPage[^1]));
        Assert.Contains(inPack[0].Site, TroubledHomes);
        Assert.Contains(onPage[0], TroubledHomes);
        var worst = inPack.Select(s => Enum.Parse<RagRating>(s.Rating)).ToList();
        Assert.Equal(worst.OrderByDescending(r => r), worst);

        // Each Red or Amber site has its paragraph under "Sites needing attention", in the same order; a Green site has none.
        var attention = body.Elements<Paragraph>()
            .SkipWhile(p => WordText.Of(p) != "Sites needing attention").Skip(1)
            .TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Heading1")
            .Select(WordText.Of).ToList();
        var troubled = inPack.Where(s => s.Rating != "Green").ToList();
        Assert.Equal(troubled.Select(s => $"{s.Site} is {s.Rating}"), attention.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).Select(p => System.Text.RegularExpressions.Regex.Replace(p, @" \([^)]*\)", "")));
        Assert.Contains(attention, p => p.StartsWith("Cedar Lodge", StringComparison.Ordinal) && p.Contains("Worsening: Reliance on agency nurses at weekends (Staffing).", StringComparison.Ordinal));

        // Each site's own page and the API rate it as the provider view does: one rule, one answer.
        var ratedOnPage = System.Text.RegularExpressions.Regex.Matches(glance, "<th scope=\"row\"><a href=\"/sites/(?<code>[^\"]+)\">[^<]+</a></th>\\s*<td>\\s*<span class=\"badge [^\"]+\">(?<rating>\\w+)</span>")
            .ToDictionary(m => m.Groups["code"].Value, m => m.Groups["rating"].Value);
        using var api = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            await TestWorlds.IssueApiTokenAsync(_factory, "admin@demo.verivius.test", $"Ratings check {Guid.NewGuid():N}", Verivius.Domain.Access.ApiPermissions.ReadRecovery, [.. ratedOnPage.Keys]));
        Assert.Equal(onPage.Count, ratedOnPage.Count);
        foreach (var (code, rating) in ratedOnPage)
        {
            using var position = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/sites/{code}/recovery", UriKind.Relative)));
            var (_, sitePage) = await ni.GetAsync($"/sites/{code}");
            Assert.Equal(rating, position.RootElement.GetProperty("rating").GetString());
            Assert.Matches($"<dt class=\"col-sm-3\">Rating</dt>\\s*<dd class=\"col-sm-9\">\\s*<span class=\"badge [^\"]+\">{rating}</span>", sitePage);
        }
    }

    [Fact]
    public async Task TheSitePack_IsValidWord_AboutOneSiteOnly()
    {
        using var word = await GenerateAsync("site-pack", site: CedarLodge);

        AssertValid(word);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Contains("The site at a glance", Styled(body, "Heading1"));
        var glance = TableAfter(body, "The site at a glance");
        Assert.Single(glance.Elements<TableRow>().Skip(1));
        Assert.Equal("Cedar Lodge (1-101000002), Demo Care Group", Styled(body, "Subtitle").Single());

        // Worded for one site: no column repeating its name, no "1 of the 1 site".
        Assert.DoesNotContain(body.Descendants<Table>(), table => WordText.Of(table.Elements<TableRow>().First().Elements<TableCell>().First()) == "Site");
        Assert.Contains("Its pack for", body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("of the 1 site", body.InnerText, StringComparison.Ordinal);
        Assert.StartsWith("Cedar Lodge (1-101000002) is Red: ", WordText.Of(body.Elements<Paragraph>().SkipWhile(p => WordText.Of(p) != "What needs attention").ElementAt(1)), StringComparison.Ordinal);
        Assert.DoesNotContain("Beech House", body.InnerText, StringComparison.Ordinal);
        Assert.Equal(4, word.MainDocumentPart.ImageParts.Count());
    }

    [Fact]
    public async Task EveryDocument_CarriesTheChangeHistorysCheckpoint_InItsFooterAndProperties()
    {
        using var word = await GenerateAsync("site-pack", site: CedarLodge);

        var property = word.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .Single(p => p.Name == GovernanceDocumentWriter.CheckpointProperty).InnerText;
        var footer = string.Concat(word.MainDocumentPart!.FooterParts.Select(f => f.Footer.InnerText));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sequence = long.Parse(property.Split(':')[0], CultureInfo.InvariantCulture);
        var stored = await db.HistoryCheckpoints.SingleAsync(c => c.Sequence == sequence);
        var entry = await db.ChangeLog.SingleAsync(e => e.Sequence == sequence);

        Assert.Equal(stored.Reference, property);
        Assert.Contains($"Change history checkpoint {property}", footer, StringComparison.Ordinal);
        Assert.True(stored.IsGenuine(scope.ServiceProvider.GetRequiredService<ChainKey>()));
        Assert.StartsWith(property.Split(':')[1], entry.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommissionerUpdate_IsValidWord_CoversTheirSitesOnly_AndNamesNoStaffOrPerson()
    {
        using var word = await GenerateAsync("commissioner-update", commissioner: "commissioner@demo.verivius.test");

        AssertValid(word);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal(["Summary", "Cedar Lodge", "Elm Court"], Styled(body, "Heading1"));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var personal = new HashSet<string>(StringComparer.Ordinal);
        personal.UnionWith(await db.Training.Select(t => t.Details.StaffRef).ToListAsync());
        personal.UnionWith(await db.Supervision.Select(s => s.Details.StaffRef).ToListAsync());
        personal.UnionWith((await db.RecoveryRisks.Select(r => r.Details.Owner).ToListAsync()).OfType<string>());
        personal.UnionWith((await db.Actions.Select(a => a.Details.Owner).ToListAsync()).OfType<string>());
        personal.UnionWith(await db.Incidents.Select(i => i.Ref).ToListAsync());
        personal.UnionWith(await db.Complaints.Select(c => c.Ref).ToListAsync());
        personal.UnionWith(await db.Feedback.Select(f => f.Ref).ToListAsync());
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(WordText.Of));

        Assert.True(personal.Count > 50, "The demo data should carry staff and record references to look for.");
        var named = personal.Where(p => p.Length >= 3 && text.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(named.Count == 0, "The update names: " + string.Join(", ", named));

        // A compact first page: the title lines, the provider's named contact, then the summary; no cover page, no contents.
        Assert.Empty(Styled(body, "TOCHeading"));
        Assert.Contains("Provider contact: Helen Carter, nominated individual (ni@demo.verivius.test).", text, StringComparison.Ordinal);

        // The month's incidents at each site, as counts matching the records.
        var month = TestClock.LastMonth;
        var end = month.AddMonths(1);
        var closedInMonth = 0;
        foreach (var (site, code) in new[] { ("Cedar Lodge", CedarLodge), ("Elm Court", "1-101000003") })
        {
            var incidents = await db.Incidents.Where(i => i.Details.OccurredOn >= month && i.Details.OccurredOn < end && db.Sites.Any(x => x.Id == i.SiteId && x.Code == code))
                .Select(i => i.Details.Category).ToListAsync();
            var figures = Rows(TableAfter(body, site, "Heading1", then: "Heading2"));
            Assert.Equal(IncidentCount(incidents.Count), figures[0][1]);
            Assert.Equal(IncidentCount(incidents.Count(c => c == IncidentCategory.Safeguarding)), figures[1][1]);

            // The figures behind the trends, a column per month: the incidents of each of the six months as the records count them.
            var byMonth = Rows(body.Elements().SkipWhile(e => e.InnerText != site).OfType<Table>().ElementAt(1));
            for (var i = 0; i < 6; i++)
            {
                var (from, to) = (month.AddMonths(i - 5), month.AddMonths(i - 4));
                var count = await db.Incidents.CountAsync(x => x.Details.OccurredOn >= from && x.Details.OccurredOn < to && db.Sites.Any(s => s.Id == x.SiteId && s.Code == code));
                Assert.Equal(count.ToString(CultureInfo.InvariantCulture), byMonth[0][i + 1]);
            }

            // The actions the site closed in the month (this is the commissioner's first update), by title, no owner named.
            var closed = await db.Actions.Where(a => a.Details.ClosedOn >= month && a.Details.ClosedOn < end && a.Details.Status == ActionStatus.Closed && db.Sites.Any(s => s.Id == a.SiteId && s.Code == code))
                .Select(a => a.Details.Title).ToListAsync();
            closedInMonth += closed.Count;
            Assert.All(closed, title => Assert.Contains(title.TrimEnd('.'), text, StringComparison.Ordinal));
        }

        Assert.Equal(2, Styled(body, "Heading2").Count(h => h == $"Actions taken in {month.ToBritishMonth()}"));
        Assert.True(closedInMonth > 0, "The demo's commissioned sites should close some actions in the month.");

        static string IncidentCount(int n) => n == 1 ? "1 incident" : $"{n} incidents";
    }

    [Fact]
    public async Task Downloads_AreScoped_TheBoardPackToTheProvider_AndAnApprovedUpdateToItsCommissioner()
    {
        var board = await GeneratedIdAsync("board-pack", provider: Provider);
        var update = await GeneratedIdAsync("commissioner-update", commissioner: "commissioner@demo.verivius.test");
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        using var commissioner = await PortalSession.SignInAsync(_factory, "commissioner@demo.verivius.test", Password);

        using var download = await ni.Client.GetAsync(new Uri($"/documents/{board}/download", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DocumentGenerator.WordContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"board-pack-{LastMonth}-demo-care-group.docx", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/documents/{board}/download")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/documents/{board}/download")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/documents/{update}/download")).Status);

        // The commissioner reads the update once the nominated individual has approved it.
        var token = await ni.TokenFromAsync($"/documents/{update}");
        Assert.Equal(HttpStatusCode.Redirect, (await ni.PostAsync($"/documents/{update}/approve", [KeyValuePair.Create("__RequestVerificationToken", token)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/documents/{update}/download")).Status);

        var (_, home) = await commissioner.GetAsync("/commissioner");
        Assert.Contains($"/documents/{update}/download", home, StringComparison.Ordinal);
        var (_, library) = await commissioner.GetAsync("/documents");
        Assert.Contains($"/documents/{update}", library, StringComparison.Ordinal);
        Assert.DoesNotContain($"/documents/{board}", library, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNominatedIndividual_AsksForABoardPack_AndThePageFollowsItUntilItIsReady()
    {
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);

        var asked = await ni.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "board-pack", ["Period"] = LastMonth });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = asked.Headers.Location!.OriginalString;
        var html = "";
        for (var attempt = 0; attempt < 120 && !html.Contains("Download the Word document", StringComparison.Ordinal); attempt++)
        {
            (_, html) = await ni.GetAsync(page);
            Assert.DoesNotContain("could not be written", html, StringComparison.Ordinal);
            if (html.Contains("Being written", StringComparison.Ordinal))
            {
                Assert.Contains("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
                await Task.Delay(250);
            }
        }

        Assert.Contains("Download the Word document", html, StringComparison.Ordinal);
        Assert.Contains("ni@demo.verivius.test", html, StringComparison.Ordinal);
        Assert.Matches("<code class=\"text-break\">[0-9a-f]{64}</code>", html);
    }

    [Fact]
    public async Task AskingForWhatIsNotYours_OrAMonthThatIsNotOne_IsRefusedWithTheReason()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        await using var scope = _factory.Services.CreateAsyncScope();
        var before = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.CountAsync();

        var boardPack = await manager.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "board-pack", ["Period"] = LastMonth });
        var badMonth = await manager.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "site-pack", ["Period"] = "2026-13", ["Site"] = "1-101000001" });
        var foreignSite = await manager.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "site-pack", ["Period"] = LastMonth, ["Site"] = "1-101000003" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, boardPack.StatusCode);
        Assert.Contains("Choose the kind of document: Site governance pack.", WebUtility.HtmlDecode(await boardPack.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMonth.StatusCode);
        Assert.Contains("Enter the month as YYYY-MM", await badMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignSite.StatusCode);
        Assert.Contains("1-101000003 is not an active site of yours.", await foreignSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.CountAsync());
    }

    [Fact]
    public async Task TheSchedulesPage_SaysWhenInWords_ShowsTheNextThreeRuns_RefusesWhatDoesNotRead_AndSavesIt()
    {
        using var admin = await PortalSession.SignInAsync(_factory, "admin@demo.verivius.test", Password);

        var (status, page) = await admin.GetAsync("/documents/schedules");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Now: <strong>the 2nd working day after the upload deadline, at 06:00</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Now: <strong>the 1st working day after the upload deadline, at 06:00</strong>", page, StringComparison.Ordinal);
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Count(page, "[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d"));

        var fields = new Dictionary<string, string>
        {
            ["BoardPack.Timing"] = "cron",
            ["BoardPack.Cron"] = "0 0 6 31 2 ? x",
            ["BoardPack.Enabled"] = "true",
            ["SitePack.Timing"] = "day-of-month",
            ["SitePack.DayOfMonth"] = "31",
            ["SitePack.At"] = "06:00",
            ["SitePack.Enabled"] = "true",
            ["CommissionerUpdate.Timing"] = "working-day",
            ["CommissionerUpdate.WorkingDay"] = "2",
            ["CommissionerUpdate.At"] = "7am",
        };
        var refused = await admin.SubmitAsync("/documents/schedules", "/documents/schedules", fields);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Board pack: &#x27;0 0 6 31 2 ? x&#x27; is not a Quartz cron expression", problems, StringComparison.Ordinal);
        Assert.Contains("Site governance pack: Choose a day from 1 to 28, so that it comes in every month.", problems, StringComparison.Ordinal);
        Assert.Contains("Commissioner recovery update: enter the time as HH:MM on the 24-hour clock", problems, StringComparison.Ordinal);

        fields["BoardPack.Timing"] = "day-of-month";
        fields["BoardPack.DayOfMonth"] = "2";
        fields["BoardPack.At"] = "05:30";
        fields["SitePack.Timing"] = "working-day";
        fields["SitePack.WorkingDay"] = "1";
        fields["CommissionerUpdate.Timing"] = "cron";
        fields["CommissionerUpdate.Cron"] = "0 0 7 12 * ?";
        var saved = await admin.SubmitAsync("/documents/schedules", "/documents/schedules", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var schedules = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().DocumentSchedules.ToDictionaryAsync(s => s.Kind);
        Assert.Equal((ScheduleTiming.DayOfMonth, "0 30 5 2 * ?"), (schedules[DocumentKind.BoardPack].Timing, schedules[DocumentKind.BoardPack].Cron));
        Assert.Equal(ScheduleTiming.WorkingDayAfterDeadline, schedules[DocumentKind.SitePack].Timing);
        Assert.Equal((ScheduleTiming.Cron, false), (schedules[DocumentKind.CommissionerUpdate].Timing, schedules[DocumentKind.CommissionerUpdate].Enabled));
        (_, page) = await admin.GetAsync("/documents/schedules");
        Assert.Contains("Now: <strong>day 2 of each month at 05:30</strong>", page, StringComparison.Ordinal);
        Assert.Matches("[A-Z][a-z]+day 2 [A-Z][a-z]+ \\d{4}, 05:30", page);
    }

    private async Task<WordprocessingDocument> GenerateAsync(string kind, string? provider = null, string? site = null, string? commissioner = null, string? month = null)
    {
        var file = new MemoryStream();
        await TestWorlds.AsOperatorAsync(_factory, async mediator =>
            TestWorlds.Expect(await mediator.Send(new GenerateDocumentCommand(kind, month ?? LastMonth, provider, site, commissioner, file))));
        file.Position = 0;
        return WordprocessingDocument.Open(file, false);
    }

    private async Task<Guid> GeneratedIdAsync(string kind, string? provider = null, string? commissioner = null)
    {
        var id = Guid.Empty;
        await TestWorlds.AsOperatorAsync(_factory, async mediator =>
        {
            var written = await mediator.Send(new GenerateDocumentCommand(kind, LastMonth, provider, null, commissioner, Stream.Null));
            TestWorlds.Expect(written);
            id = written.Value!.Id;
        });
        return id;
    }

    /// <summary>Each active site's newest matrix in the twelve months to the month: its staff with a mandatory course, less those with one never completed or expired before the month's last day.</summary>
    private Task<List<(string Name, int Staff, int InDate)>> TrainingCountedWithSqlAsync(DateOnly month) => StaffCountedWithSqlAsync(month, """
        WITH standing AS (
            SELECT s.Id, s.Name,
                   (SELECT MAX(t.Period) FROM Training t WHERE t.SiteId = s.Id AND t.Period <= $month AND t.Period > date($month, '-12 months')) AS Period
            FROM Sites s JOIN Providers p ON p.Id = s.ProviderId
            WHERE s.IsActive = 1 AND p.Name = $provider)
        SELECT st.Name,
               (SELECT COUNT(DISTINCT t.Details_StaffRef) FROM Training t
                WHERE t.SiteId = st.Id AND t.Period = st.Period AND t.Details_Mandatory = 1),
               (SELECT COUNT(DISTINCT t.Details_StaffRef) FROM Training t
                WHERE t.SiteId = st.Id AND t.Period = st.Period AND t.Details_Mandatory = 1
                  AND (t.Details_CompletedOn IS NULL OR t.Details_ExpiresOn < date($month, '+1 month', '-1 day')))
        FROM standing st ORDER BY st.Name
        """, inDateIsStaffLess: true);

    /// <summary>Each active site's newest supervision record in the twelve months to the month: its staff, and those whose newest supervision is in the <paramref name="days"/> days to the month's last day.</summary>
    private Task<List<(string Name, int Staff, int InDate)>> SupervisionCountedWithSqlAsync(DateOnly month, int days) => StaffCountedWithSqlAsync(month, $$"""
        WITH standing AS (
            SELECT s.Id, s.Name,
                   (SELECT MAX(x.Period) FROM Supervision x WHERE x.SiteId = s.Id AND x.Period <= $month AND x.Period > date($month, '-12 months')) AS Period
            FROM Sites s JOIN Providers p ON p.Id = s.ProviderId
            WHERE s.IsActive = 1 AND p.Name = $provider),
        newest AS (
            SELECT st.Name, x.Details_StaffRef AS Staff, MAX(CASE WHEN x.Details_Type = 'Supervision' THEN x.Details_HeldOn END) AS HeldOn
            FROM standing st JOIN Supervision x ON x.SiteId = st.Id AND x.Period = st.Period
            GROUP BY st.Name, x.Details_StaffRef)
        SELECT st.Name,
               (SELECT COUNT(*) FROM newest n WHERE n.Name = st.Name),
               (SELECT COUNT(*) FROM newest n WHERE n.Name = st.Name
                  AND n.HeldOn <= date($month, '+1 month', '-1 day') AND n.HeldOn >= date($month, '+1 month', '-1 day', '-{{days}} days'))
        FROM standing st ORDER BY st.Name
        """, inDateIsStaffLess: false);

    private async Task<List<(string Name, int Staff, int InDate)>> StaffCountedWithSqlAsync(DateOnly month, string sql, bool inDateIsStaffLess)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var monthParameter = command.CreateParameter();
        (monthParameter.ParameterName, monthParameter.Value) = ("$month", month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var providerParameter = command.CreateParameter();
        (providerParameter.ParameterName, providerParameter.Value) = ("$provider", Provider);
        command.Parameters.Add(monthParameter);
        command.Parameters.Add(providerParameter);
        var counted = new List<(string, int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var staff = reader.GetInt32(1);
            counted.Add((reader.GetString(0), staff, inDateIsStaffLess ? staff - reader.GetInt32(2) : reader.GetInt32(2)));
        }

        return counted;
    }

    private sealed record MeasuredBySql(
        string Name, string Code, (double Part, double Whole) Unfilled, (double Part, double Whole) Agency, (double Part, double Whole) ActionsOnTime, (double Part, double Whole) NotifiedOnTime);

    /// <summary>
    /// Each active site's month of staffing weeks (unfilled of planned shifts, agency of all hours), its
    /// actions due in the month and those closed by then, and its notifiable incidents in the twelve
    /// months to <paramref name="today"/> less those a late or missing notification challenge still holds on.
    /// </summary>
    private async Task<List<MeasuredBySql>> MeasuresCountedWithSqlAsync(DateOnly month, DateOnly today)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Name, s.Code,
                   (SELECT COALESCE(SUM(w.Details_ShiftsUnfilled), 0) FROM Staffing w WHERE w.SiteId = s.Id AND strftime('%Y-%m', w.Details_WeekStarting) = strftime('%Y-%m', $month)),
                   (SELECT COALESCE(SUM(w.Details_ShiftsPlanned), 0) FROM Staffing w WHERE w.SiteId = s.Id AND strftime('%Y-%m', w.Details_WeekStarting) = strftime('%Y-%m', $month)),
                   (SELECT COALESCE(SUM(w.Details_AgencyHours), 0) FROM Staffing w WHERE w.SiteId = s.Id AND strftime('%Y-%m', w.Details_WeekStarting) = strftime('%Y-%m', $month)),
                   (SELECT COALESCE(SUM(w.Details_TotalHours), 0) FROM Staffing w WHERE w.SiteId = s.Id AND strftime('%Y-%m', w.Details_WeekStarting) = strftime('%Y-%m', $month)),
                   (SELECT COUNT(*) FROM Actions a WHERE a.SiteId = s.Id AND strftime('%Y-%m', a.Details_DueOn) = strftime('%Y-%m', $month)
                      AND a.Details_Status = 'Closed' AND a.Details_ClosedOn <= a.Details_DueOn),
                   (SELECT COUNT(*) FROM Actions a WHERE a.SiteId = s.Id AND strftime('%Y-%m', a.Details_DueOn) = strftime('%Y-%m', $month)),
                   (SELECT COUNT(*) FROM Incidents i WHERE i.SiteId = s.Id AND i.Details_CqcNotifiable = 1 AND i.Details_OccurredOn > date($today, '-1 year') AND i.Details_OccurredOn <= $today
                      AND NOT EXISTS (SELECT 1 FROM Challenges c WHERE c.SiteId = s.Id AND c.ConditionHolds = 1
                                      AND c.Code IN ('INC-NOTIFICATION-LATE', 'INC-NOTIFICATION-MISSING') AND c.Key = 'Incidents:' || i.Ref)),
                   (SELECT COUNT(*) FROM Incidents i WHERE i.SiteId = s.Id AND i.Details_CqcNotifiable = 1 AND i.Details_OccurredOn > date($today, '-1 year') AND i.Details_OccurredOn <= $today)
            FROM Sites s JOIN Providers p ON p.Id = s.ProviderId
            WHERE s.IsActive = 1 AND p.Name = $provider
            ORDER BY s.Name
            """;
        foreach (var (name, value) in new[] { ("$month", month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$provider", Provider) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }

        var counted = new List<MeasuredBySql>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counted.Add(new MeasuredBySql(
                reader.GetString(0), reader.GetString(1), (reader.GetDouble(2), reader.GetDouble(3)), (reader.GetDouble(4), reader.GetDouble(5)),
                (reader.GetDouble(6), reader.GetDouble(7)), (reader.GetDouble(8), reader.GetDouble(9))));
        }

        return counted;
    }

    private static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(WordText.Of).ToList())];

    private static void AssertValid(WordprocessingDocument word)
    {
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal("Verivius", word.PackageProperties.Creator);
    }

    private static List<string> Styled(Body body, string style) =>
        [.. body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(WordText.Of)];

    /// <summary>The first table after a heading, or after the first heading of style <paramref name="then"/> that follows it.</summary>
    private static Table TableAfter(Body body, string heading, string style = "Heading1", string? then = null)
    {
        var after = body.Elements().SkipWhile(e => !(Is(e, style) && WordText.Of(e) == heading)).Skip(1);
        return (then is null ? after : after.SkipWhile(e => !Is(e, then))).OfType<Table>().First();
    }

    /// <summary>Every table between a first-level heading and the next.</summary>
    private static IEnumerable<Table> TablesUnder(Body body, string heading) =>
        body.Elements().SkipWhile(e => !(Is(e, "Heading1") && WordText.Of(e) == heading)).Skip(1).TakeWhile(e => !Is(e, "Heading1")).OfType<Table>();

    private static bool Is(OpenXmlElement element, string style) => element is Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style;

    public sealed class DemoPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}
