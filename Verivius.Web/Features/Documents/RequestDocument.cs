using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
using Verivius.Web.Features.Documents.CommissionerUpdates;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>The form for asking for a document now: what the signed-in person may ask for.</summary>
public sealed record GetDocumentFormQuery(DocumentRequestForm Typed) : IQuery<DocumentFormVm>;

/// <summary>
/// Ask for a document to be written now: the NI a board pack or a commissioner update, a registered
/// manager (or the NI) a site pack. It is queued and written in the background; the result is the
/// document to watch.
/// </summary>
public sealed record RequestDocumentCommand(DocumentRequestForm Form) : ICommand<Outcome<Guid>>;

/// <summary>As typed: <c>Kind</c> is a slug such as <c>board-pack</c>, <c>Period</c> YYYY-MM.</summary>
public sealed record DocumentRequestForm(string? Kind = null, string? Period = null, string? Site = null, string? Commissioner = null);

public sealed record DocumentFormVm(DocumentRequestForm Typed, IReadOnlyList<DocumentKind> Kinds, IReadOnlyList<(string Code, string Name)> Sites, IReadOnlyList<(string Id, string Name)> Commissioners, string DefaultPeriod);

internal sealed class RequestDocumentHandler : IQueryHandler<GetDocumentFormQuery, DocumentFormVm>, ICommandHandler<RequestDocumentCommand, Outcome<Guid>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly DocumentRequests _requests;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestDocumentHandler(VeriviusDbContext db, SiteAccess access, DocumentRequests requests, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _requests = requests;
        _actor = actor;
        _clock = clock;
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    public async ValueTask<DocumentFormVm> Handle(GetDocumentFormQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var kinds = KindsFor(scope);
        if (kinds.Count == 0)
        {
            throw new ForbiddenException("Governance documents are asked for by the nominated individual and registered managers.");
        }

        var sites = await _access.ChallengeSites(scope).Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        var commissioners = scope.ProviderId is { } providerId && kinds.Contains(DocumentKind.CommissionerUpdate)
            ? await CommissionerUpdate.CommissionersOf(_db, providerId).Select(u => new { u.Id, Name = u.DisplayName + " (" + u.Email + ")" }).ToListAsync(cancellationToken)
            : [];
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        return new DocumentFormVm(
            query.Typed,
            kinds,
            [.. sites.Select(s => (s.Code, s.Name))],
            [.. commissioners.Select(c => (c.Id, c.Name))],
            lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask<Outcome<Guid>> Handle(RequestDocumentCommand command, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        if (!DocumentKinds.TryParse(form.Kind, out var kind) || !KindsFor(scope).Contains(kind))
        {
            problems.Add(new FieldProblem(nameof(form.Kind), $"Choose the kind of document: {string.Join(", ", KindsFor(scope).Select(DocumentKinds.Title))}."));
        }

        var thisMonth = new DateOnly(Today.Year, Today.Month, 1);
        if (!PackPeriod.TryParse(form.Period, out var period))
        {
            problems.Add(new FieldProblem(nameof(form.Period), $"Enter the month as YYYY-MM, such as {thisMonth.AddMonths(-1):yyyy-MM}."));
        }
        else if (period.FirstDay > thisMonth)
        {
            problems.Add(new FieldProblem(nameof(form.Period), $"{form.Period} has not begun: a document reports on a month that has begun or ended."));
        }

        if (problems.Count > 0)
        {
            return Outcome<Guid>.Refused(problems);
        }

        var providerId = scope.ProviderId ?? throw new ForbiddenException("Governance documents belong to a provider.");
        var target = await ScopeOfAsync(scope, providerId, kind, form, cancellationToken);
        if (target.Problem is { } problem)
        {
            return Outcome<Guid>.Refused(problem.Field, problem.Message);
        }

        var document = new GovernanceDocument(
            providerId, kind, period.FirstDay, target.Scope!, $"{DocumentKinds.Title(kind)}: {target.Scope!.Name}", DocumentGenerator.DataAsOf(period.FirstDay, Today), _actor.ActorName);
        return Outcome<Guid>.Of(await _requests.AskAsync(_db, document, cancellationToken));
    }

    private static List<DocumentKind> KindsFor(UserScope scope)
    {
        var kinds = new List<DocumentKind>();
        var isNominated = scope.IsIn(Roles.NominatedIndividual) && scope.ProviderId is not null;
        if (isNominated)
        {
            kinds.Add(DocumentKind.BoardPack);
        }

        if (isNominated || (scope.IsIn(Roles.RegisteredManager) && scope.ManagedSiteIds.Count > 0))
        {
            kinds.Add(DocumentKind.SitePack);
        }

        if (isNominated)
        {
            kinds.Add(DocumentKind.CommissionerUpdate);
        }

        return kinds;
    }

    private async Task<(DocumentScope? Scope, FieldProblem? Problem)> ScopeOfAsync(UserScope scope, Guid providerId, DocumentKind kind, DocumentRequestForm form, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case DocumentKind.SitePack:
                var code = form.Site?.Trim() ?? "";
                var site = await _access.ChallengeSites(scope).Where(s => s.Code == code && s.IsActive).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(cancellationToken);
                return site is null
                    ? (null, new FieldProblem(nameof(form.Site), code.Length == 0 ? "Choose the site the pack is for." : $"{code} is not an active site of yours."))
                    : (DocumentScope.Site(site.Id, site.Name), null);
            case DocumentKind.CommissionerUpdate:
                var id = form.Commissioner?.Trim() ?? "";
                var commissioner = await CommissionerUpdate.CommissionersOf(_db, providerId).Where(u => u.Id == id).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
                return commissioner is null
                    ? (null, new FieldProblem(nameof(form.Commissioner), "Choose a commissioner who has been granted one of your active sites."))
                    : (DocumentScope.Commissioner(commissioner.Id, commissioner.DisplayName.Length > 0 ? commissioner.DisplayName : commissioner.Email ?? commissioner.Id), null);
            default:
                var name = await _db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken);
                return (DocumentScope.Provider(name), null);
        }
    }
}
