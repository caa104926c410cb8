namespace Verivius.Web.SiteRecords;

/// <summary>A site as it appears in lists.</summary>
public sealed class SiteSummaryVm
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string ServiceType { get; init; } = "";

    public string? RegisteredManager { get; init; }

    public string ProviderName { get; init; } = "";

    public bool IsActive { get; init; }

    public Verivius.Domain.Evidence.QualityRating? CqcRating { get; init; }

    public DateOnly? CqcRatingPublishedOn { get; init; }

    public Verivius.Domain.Evidence.QualityRating? CqcWellLedRating { get; init; }

    public string? CqcReportUrl { get; init; }

    /// <summary>The first month the site owes a pack for.</summary>
    public DateOnly ReportingFrom { get; init; }
}
