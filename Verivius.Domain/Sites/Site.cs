using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Sites;

/// <summary>A registered location of a provider: a care home, a home-care branch.</summary>
public sealed class Site : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxManagerNameLength = 200;

    private Site()
    {
    }

    /// <param name="reportingFrom">The first month the site owes a pack for; any day of it will do.</param>
    public Site(Guid providerId, string code, string name, ServiceType serviceType, DateOnly reportingFrom, string? registeredManager = null)
    {
        var problem = CqcLocationId.Problem(code);
        if (problem is not null)
        {
            throw new DomainException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        }

        ProviderId = providerId;
        Code = code.Trim();
        IsActive = true;
        ReportingFrom = MonthOf(reportingFrom);
        Describe(name, serviceType, registeredManager);
    }

    public Guid ProviderId { get; private set; }

    /// <summary>The CQC location ID; it never changes once the site exists.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ServiceType ServiceType { get; private set; }

    /// <summary>The name of the registered manager as registered with CQC, if there is one.</summary>
    public string? RegisteredManager { get; private set; }

    /// <summary>An inactive site keeps its records and can be read, but takes no new evidence.</summary>
    public bool IsActive { get; private set; }

    /// <summary>
    /// The first day of the first month the site owes a monthly pack for. Months before it are not owed:
    /// a site added today owes nothing for the year before it joined.
    /// </summary>
    public DateOnly ReportingFrom { get; private set; }

    public const int ReportUrlLength = 300;

    /// <summary>CQC's overall rating of the location as last published, when the provider has recorded it.</summary>
    public QualityRating? CqcRating { get; private set; }

    /// <summary>The day CQC published <see cref="CqcRating"/>.</summary>
    public DateOnly? CqcRatingPublishedOn { get; private set; }

    /// <summary>CQC's Well-led rating published with <see cref="CqcRating"/>, when the provider has recorded it.</summary>
    public QualityRating? CqcWellLedRating { get; private set; }

    /// <summary>Where CQC's report for that rating is published, for a reader who wants the whole of it.</summary>
    public string? CqcReportUrl { get; private set; }

    public void Describe(string name, ServiceType serviceType, string? registeredManager)
    {
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            throw new DomainException("A site needs a name.");
        }

        if (trimmedName.Length > MaxNameLength)
        {
            throw new DomainException($"A site name can be at most {MaxNameLength} characters.");
        }

        if (!Enum.IsDefined(serviceType))
        {
            throw new DomainException($"Choose a service type: {ServiceTypes.ValidList}.");
        }

        var manager = string.IsNullOrWhiteSpace(registeredManager) ? null : registeredManager.Trim();
        if (manager?.Length > MaxManagerNameLength)
        {
            throw new DomainException($"A registered manager's name can be at most {MaxManagerNameLength} characters.");
        }

        Name = trimmedName;
        ServiceType = serviceType;
        RegisteredManager = manager;
    }

    /// <summary>
    /// Records CQC's published overall rating and its date, with the Well-led rating and the report's
    /// address when known, or clears them all (a new service not yet rated). A rating means nothing
    /// without the day it was published, so one is never kept without the other, and the Well-led rating
    /// and report belong to an overall rating.
    /// </summary>
    public void RecordCqcRating(QualityRating? rating, DateOnly? publishedOn, DateOnly today, QualityRating? wellLed = null, string? reportUrl = null)
    {
        if ((rating is { } given && !Enum.IsDefined(given)) || (wellLed is { } key && !Enum.IsDefined(key)))
        {
            throw new DomainException("Choose one of CQC's four ratings, or none if the service is not rated yet.");
        }

        if (rating is null != publishedOn is null)
        {
            throw new DomainException(rating is null
                ? "Choose the rating CQC published on that day, or clear the date."
                : "Enter the day CQC published the rating.");
        }

        if (rating is null && (wellLed is not null || !string.IsNullOrWhiteSpace(reportUrl)))
        {
            throw new DomainException("A Well-led rating or a report comes with the overall rating CQC published with it; enter that too.");
        }

        if (publishedOn > today)
        {
            throw new DomainException($"CQC cannot have published the rating after today ({today.ToBritishDate()}).");
        }

        if (ReportUrlProblem(reportUrl, Code) is { } problem)
        {
            throw new DomainException(problem);
        }

        reportUrl = string.IsNullOrWhiteSpace(reportUrl) ? null : reportUrl.Trim();

        CqcRating = rating;
        CqcRatingPublishedOn = publishedOn;
        CqcWellLedRating = wellLed;
        CqcReportUrl = reportUrl;
    }

    /// <summary>Why an address cannot be a CQC report's, or null when it can (or is empty).</summary>
    public static string? ReportUrlProblem(string? reportUrl, string siteCode)
    {
        var address = reportUrl?.Trim();
        return string.IsNullOrEmpty(address)
            || (address.Length <= ReportUrlLength && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"The report's address must be a web address starting https:// of at most {ReportUrlLength} characters, such as https://www.cqc.org.uk/location/{siteCode}.";
    }

    /// <summary>The admin sets the first month owed: at most a year ahead, for a service about to open.</summary>
    public void ReportFrom(DateOnly month, DateOnly today)
    {
        var latest = MonthOf(today).AddMonths(12);
        if (MonthOf(month) > latest)
        {
            throw new DomainException($"A site can report from {latest.ToBritishMonth()} at the latest: a year from this month.");
        }

        ReportingFrom = MonthOf(month);
    }

    /// <summary>A pack arrived for a month before the site was reporting: it reports from that month, so the months since are owed.</summary>
    public void PackReceivedFor(DateOnly month)
    {
        if (MonthOf(month) < ReportingFrom)
        {
            ReportingFrom = MonthOf(month);
        }
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
