using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Web.Common;
using Verivius.Web.Features.Admin.Providers;
using Verivius.Web.Features.Admin.Sites;
using Verivius.Web.Features.Admin.Users;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;

namespace Verivius.Web.Demo;

/// <summary>
/// The demo provider a newcomer signs in to: six sites and one user per role, made through the same
/// commands an operator and an admin use, so the demo exercises the real paths.
/// </summary>
public sealed class DemoSeeder
{
    public const string ProviderName = "Demo Care Group";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("ni@demo.verivius.test", Roles.NominatedIndividual, "Helen Carter", "Nominated individual", []),
        new("admin@demo.verivius.test", Roles.ProviderAdmin, "Sam Patel", "Provider admin", []),
        new("rm@demo.verivius.test", Roles.RegisteredManager, "Amira Okafor", "Registered manager of Beech House and Cedar Lodge", ["1-101000001", "1-101000002"]),
        new("commissioner@demo.verivius.test", Roles.Commissioner, "Chris Morgan", "Commissioner for Cedar Lodge and Elm Court", ["1-101000002", "1-101000003"]),
    ];

    private const string Sites = """
        SiteCode,Name,ServiceType,RegisteredManager
        1-101000001,Beech House,CareHome,Amira Okafor
        1-101000002,Cedar Lodge,NursingHome,Amira Okafor
        1-101000003,Elm Court,CareHome,Priya Shah
        1-101000004,Hawthorn View,NursingHome,
        1-101000005,Maple Grange,CareHome,Gareth Lewis
        1-101000006,Riverside Home Care,HomeCare,Joanne Whitfield
        """;

    private static readonly DemoSite[] Characters =
    [
        new("1-101000001", "Beech House"),
        new("1-101000002", "Cedar Lodge", NotificationGaps: true, StaffingPressure: true, CqcRating: QualityRating.RequiresImprovement),
        new("1-101000003", "Elm Court", ActionsPileUp: true, CqcRating: QualityRating.RequiresImprovement),
        new("1-101000004", "Hawthorn View", MeetingGaps: true, StaleMatrix: true, CqcRating: QualityRating.Inadequate),
        new("1-101000005", "Maple Grange", MaskedTheme: true, TooCleanMatrix: true),
        new("1-101000006", "Riverside Home Care", IsHomeCare: true, CarePlanGaps: true, WellLedRating: QualityRating.RequiresImprovement),
    ];

    private readonly VeriviusDbContext _db;
    private readonly IMediator _mediator;
    private readonly CurrentActor _actor;
    private readonly DemoOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public DemoSeeder(VeriviusDbContext db, IMediator mediator, CurrentActor actor, DemoOptions options, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _db = db;
        _mediator = mediator;
        _actor = actor;
        _options = options;
        _scopes = scopes;
        _clock = clock;
    }

    /// <summary>Seeds only a database with no providers and no users: the first run, never a real one.</summary>
    /// <param name="progress">Told each step as it starts, so a first start is never silent for long.</param>
    public async Task<bool> SeedIfFirstRunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (!await IsFirstRunAsync(cancellationToken))
        {
            return false;
        }

        _actor.AssumeOperator("demo data (first run)");
        Check(await _mediator.Send(new CreateProviderCommand(ProviderName), cancellationToken));
        Check(await _mediator.Send(new ImportSitesCommand(Sites, ProviderName), cancellationToken));
        await RecordRatingsAsync(cancellationToken);
        foreach (var login in Logins)
        {
            Check(await _mediator.Send(
                new CreateUserCommand(
                    login.Email,
                    login.Name,
                    [login.Role],
                    login.SiteCodes,
                    ProviderName,
                    login.Role == Roles.Commissioner ? "Northshire County Council" : null,
                    _options.Password),
                cancellationToken));
        }

        await ImportPacksAsync(progress, cancellationToken);
        progress("  Running the challenge engine over every site...");
        await _mediator.Send(new RunChallengesCommand(null), cancellationToken);
        return true;
    }

    /// <summary>
    /// Each month of each site goes through the same upload path a registered manager uses, sent by the
    /// site's registered manager where the demo has one, else by the nominated individual.
    /// </summary>
    private async Task ImportPacksAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var people = await _db.Users.Where(u => u.Email != null && u.Email.EndsWith("@demo.verivius.test")).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        string UploaderOf(string siteCode) =>
            Logins.FirstOrDefault(l => l.Role == Roles.RegisteredManager && l.SiteCodes.Contains(siteCode))?.Email ?? DemoUser(Roles.NominatedIndividual);
        var months = DemoPacks.Months(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), _options.Months).ToList();
        for (var m = 0; m < months.Count; m++)
        {
            progress($"  Demo month {m + 1} of {months.Count} ({months[m].FirstDay.ToBritishMonth()}): importing six packs...");
            foreach (var site in Characters)
            {
                var workbook = PackWorkbookWriter.Write(site.Code, site.Name, months[m], "Registered manager", DemoPacks.Rows(site, months[m], m));
                await using var scope = _scopes.CreateAsyncScope();
                var uploader = UploaderOf(site.Code);
                scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(people[uploader], uploader);
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new ImportPackCommand(site.Code, new PackFile($"{site.Code}-{months[m]}.xlsx", workbook), [], CheckChallenges: false), cancellationToken);
                if (result.Status != PackImportStatus.Imported)
                {
                    throw new InvalidOperationException($"The demo pack for {site.Name}, {months[m]} was refused: " + string.Join("; ", result.Errors));
                }
            }
        }
    }

    private async Task RecordRatingsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var codes = Characters.Select(c => c.Code).ToList();
        foreach (var site in await _db.Sites.Where(s => codes.Contains(s.Code)).ToListAsync(cancellationToken))
        {
            var character = Characters.Single(c => c.Code == site.Code);
            site.RecordCqcRating(
                character.CqcRating, today.AddMonths(-DemoSite.RatedMonthsAgo), today, character.CqcWellLedRating, $"https://www.cqc.org.uk/location/{site.Code}");
        }

        await _db.SaveChangesAsync(cancellationToken);
    }

    private static string DemoUser(string role) => Logins.Single(l => l.Role == role).Email;

    public async Task<bool> IsFirstRunAsync(CancellationToken cancellationToken) =>
        !await _db.Providers.AnyAsync(cancellationToken) && !await _db.Users.AnyAsync(cancellationToken);

    public async Task<bool> HasDemoProviderAsync(CancellationToken cancellationToken) =>
        await _db.Providers.AnyAsync(p => p.Name == ProviderName, cancellationToken);

    private static void Check(Outcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The demo data could not be created: " + string.Join(" ", outcome.Problems.Select(p => p.Message)));
        }
    }
}

/// <summary>A demo person: their login, role, name as the portal shows it, what they do (printed at start) and their sites.</summary>
public sealed record DemoLogin(string Email, string Role, string Name, string Description, IReadOnlyList<string> SiteCodes);
