using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>
/// Adds a site to the admin's provider, or changes one of its sites' details (never its code), with CQC's
/// published overall rating when there is one and the first month it owes a pack for.
/// </summary>
/// <param name="ReportingFrom">The first month owed, as <c>yyyy-MM</c>; empty for this month on a new site, and unchanged on an edit.</param>
public sealed record SaveSiteCommand(
    bool IsNew, string Code, string Name, string ServiceType, string? RegisteredManager, string? CqcRating = null, DateOnly? CqcRatingPublishedOn = null, string? ReportingFrom = null, string? CqcWellLedRating = null, string? CqcReportUrl = null)
    : ICommand<Outcome>;

internal sealed class SaveSiteHandler : ICommandHandler<SaveSiteCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public SaveSiteHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<Outcome> Handle(SaveSiteCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        if (!ServiceTypes.TryParse(command.ServiceType, out var serviceType))
        {
            return Outcome.Refused("ServiceType", $"Choose a service type: {ServiceTypes.ValidList}.");
        }

        var problems = new List<FieldProblem>();
        var rating = FormValues.OptionalChoice<QualityRating>(command.CqcRating, "CqcRating", problems);
        var wellLed = FormValues.OptionalChoice<QualityRating>(command.CqcWellLedRating, "CqcWellLedRating", problems);
        if (Site.ReportUrlProblem(command.CqcReportUrl, command.Code) is { } badAddress)
        {
            problems.Add(new FieldProblem("CqcReportUrl", badAddress));
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        DateOnly? reportingFrom = null;
        if (FormValues.Blank(command.ReportingFrom) is { } month)
        {
            if (PackPeriod.TryParse(month, out var period))
            {
                reportingFrom = period.FirstDay;
            }
            else
            {
                problems.Add(new FieldProblem("ReportingFrom", $"\"{month}\" is not a month; enter it as year and month, such as {today:yyyy-MM}."));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var code = command.Code.Trim();
        Site site;
        try
        {
            if (command.IsNew)
            {
                if (CqcLocationId.Problem(code) is { } problem)
                {
                    return Outcome.Refused("Code", char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
                }

                if (await _db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
                {
                    return Outcome.Refused("Code", $"A site with CQC location ID {code} is already registered in Verivius.");
                }

                site = new Site(providerId, code, command.Name, serviceType, today, command.RegisteredManager);
                _db.Sites.Add(site);
            }
            else
            {
                site = await _db.Sites.SingleOrDefaultAsync(s => s.Code == code && s.ProviderId == providerId, cancellationToken)
                    ?? throw new NotFoundException($"No site {code} in your provider.");
                site.Describe(command.Name, serviceType, command.RegisteredManager);
            }
        }
        catch (DomainException refused)
        {
            return Outcome.Refused("Name", refused.Message);
        }

        try
        {
            site.RecordCqcRating(rating, command.CqcRatingPublishedOn, today, wellLed, command.CqcReportUrl);
        }
        catch (DomainException refused)
        {
            return Outcome.Refused(rating is null ? "CqcRating" : "CqcRatingPublishedOn", refused.Message);
        }

        try
        {
            if (reportingFrom is { } from)
            {
                site.ReportFrom(from, today);
            }
        }
        catch (DomainException refused)
        {
            return Outcome.Refused("ReportingFrom", refused.Message);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
