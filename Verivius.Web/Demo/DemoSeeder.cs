using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Admin.Providers;
using Verivius.Web.Features.Admin.Sites;
using Verivius.Web.Features.Admin.Users;
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
        new("ni@demo.verivius.test", Roles.NominatedIndividual, "Nominated individual", []),
        new("admin@demo.verivius.test", Roles.ProviderAdmin, "Provider admin", []),
        new("rm@demo.verivius.test", Roles.RegisteredManager, "Registered manager of Beech House and Cedar Lodge", ["1-101000001", "1-101000002"]),
        new("commissioner@demo.verivius.test", Roles.Commissioner, "Commissioner for Cedar Lodge and Elm Court", ["1-101000002", "1-101000003"]),
    ];

    private const string Sites = """
        SiteCode,Name,ServiceType,RegisteredManager
        1-101000001,Beech House,CareHome,Amira Okafor
        1-101000002,Cedar Lodge,NursingHome,Tom Bradley
        1-101000003,Elm Court,CareHome,Priya Shah
        1-101000004,Hawthorn View,NursingHome,
        1-101000005,Maple Grange,CareHome,Gareth Lewis
        1-101000006,Riverside Home Care,HomeCare,Joanne Whitfield
        """;

    private readonly VeriviusDbContext _db;
    private readonly IMediator _mediator;
    private readonly CurrentActor _actor;
    private readonly DemoOptions _options;

    public DemoSeeder(VeriviusDbContext db, IMediator mediator, CurrentActor actor, DemoOptions options)
    {
        _db = db;
        _mediator = mediator;
        _actor = actor;
        _options = options;
    }

    /// <summary>Seeds only a database with no providers and no users: the first run, never a real one.</summary>
    public async Task<bool> SeedIfFirstRunAsync(CancellationToken cancellationToken)
    {
        if (await _db.Providers.AnyAsync(cancellationToken) || await _db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        _actor.AssumeOperator("demo data (first run)");
        Check(await _mediator.Send(new CreateProviderCommand(ProviderName), cancellationToken));
        Check(await _mediator.Send(new ImportSitesCommand(Sites, ProviderName), cancellationToken));
        foreach (var login in Logins)
        {
            Check(await _mediator.Send(
                new CreateUserCommand(
                    login.Email,
                    login.Description,
                    [login.Role],
                    login.SiteCodes,
                    ProviderName,
                    login.Role == Roles.Commissioner ? "Northshire County Council" : null,
                    _options.Password),
                cancellationToken));
        }

        return true;
    }

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

public sealed record DemoLogin(string Email, string Role, string Description, IReadOnlyList<string> SiteCodes);
