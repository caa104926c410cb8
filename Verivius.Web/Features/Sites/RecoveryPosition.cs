using System.Globalization;
using Verivius.Domain.Common;

namespace Verivius.Web.Features.Sites;

/// <summary>
/// A site's recovery position for a care system: the same recovery map, figures and packs the site's
/// page shows, from the same query, so the API can never disagree with the portal. Values people read
/// are in words ("Worsening", "Nursing home"); dates are ISO 8601.
/// </summary>
/// <param name="Month">The month the figures are for, as yyyy-MM.</param>
/// <param name="Rating">"Red", "Amber" or "Green", by the rule that ranks the provider's sites (docs/figures.md).</param>
/// <param name="RatingReasons">Why the site is Red or Amber, in words; empty for Green.</param>
/// <param name="ReportingFrom">The first month the site owes a pack for, as yyyy-MM.</param>
/// <param name="Figures">Each measure with its explanation and its value, as every view counts it.</param>
/// <param name="Packs">The twelve months before this one, oldest first, with whether each pack is in.</param>
public sealed record RecoveryPosition(
    string SiteCode,
    string SiteName,
    string ServiceType,
    string? CqcRating,
    string? CqcWellLedRating,
    DateOnly? CqcRatingPublishedOn,
    string? CqcReportUrl,
    string Month,
    string ReportingFrom,
    string Rating,
    IReadOnlyList<string> RatingReasons,
    IReadOnlyList<RecoveryRiskAnswer> RecoveryMap,
    IReadOnlyList<FigureAnswer> Figures,
    int OverdueActions,
    int ActionsDueSoon,
    int ChallengesAwaitingAnswer,
    IReadOnlyList<PackMonthAnswer> Packs)
{
    public static RecoveryPosition From(SiteVm site)
    {
        // A token acts as the manager of its sites, and a site's managers always see its dashboard.
        var dashboard = site.Dashboard ?? throw new InvalidOperationException($"No dashboard for site {site.Site.Code}.");
        return new RecoveryPosition(
            site.Site.Code,
            site.Site.Name,
            PlainWords.Of(site.Site.ServiceType),
            site.Site.CqcRating is { } rating ? PlainWords.Of(rating) : null,
            site.Site.CqcWellLedRating is { } wellLed ? PlainWords.Of(wellLed) : null,
            site.Site.CqcRatingPublishedOn,
            site.Site.CqcReportUrl,
            dashboard.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            site.Site.ReportingFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            dashboard.Rating.Rating.ToString(),
            [.. dashboard.Rating.Reasons.Select(r => r.Text)],
            [.. dashboard.Risks.Select(r => new RecoveryRiskAnswer(
                r.Ref, PlainWords.Of(r.Area), r.Risk, r.CurrentActionRef, r.Owner, r.ReviewOn, PlainWords.Of(r.Trend), r.NewestEvidenceOn, r.OpenChallenges))],
            [.. dashboard.Measures.Select(m => new FigureAnswer(m.Measure.Title, m.Measure.Explanation, m.Value))],
            dashboard.OverdueCount,
            dashboard.DueSoonCount,
            dashboard.AwaitingAnswerCount,
            [.. dashboard.PackMonths.Select(p => new PackMonthAnswer(p.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), p.InWords, p.Versions))]);
    }
}

/// <summary>One row of the recovery map.</summary>
/// <param name="NewestEvidenceOn">The date of the newest evidence the risk cites: how fresh the proof of its trend is.</param>
/// <param name="OpenChallenges">Open challenges that name this risk.</param>
public sealed record RecoveryRiskAnswer(
    string Ref, string Area, string Risk, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, string Trend, DateOnly? NewestEvidenceOn, int OpenChallenges);

/// <summary>A measure as the portal defines it, with its value in words ("528 of 600 (88 %)").</summary>
public sealed record FigureAnswer(string Title, string Explanation, string Value);

/// <summary>A month's pack: "Received", "Not received" or "Not owed", and how many versions arrived.</summary>
public sealed record PackMonthAnswer(string Month, string Status, int Versions);
