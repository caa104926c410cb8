using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// An operator's document, written now and in the foreground: kept in the library like any other,
/// and copied to <paramref name="Output"/>. The scope is named as an operator knows it — a provider's
/// name, a site's code, a commissioner's email.
/// </summary>
public sealed record GenerateDocumentCommand(string Kind, string Period, string? Provider, string? Site, string? Commissioner, Stream Output) : ICommand<Outcome<DocumentVm>>;

internal sealed class GenerateDocumentHandler : ICommandHandler<GenerateDocumentCommand, Outcome<DocumentVm>>
{
    private readonly VeriviusDbContext _db;
    private readonly DocumentGenerator _generator;
    private readonly FileStore _files;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;

    public GenerateDocumentHandler(VeriviusDbContext db, DocumentGenerator generator, FileStore files, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _generator = generator;
        _files = files;
        _actor = actor;
        _clock = clock;
    }

    public async ValueTask<Outcome<DocumentVm>> Handle(GenerateDocumentCommand command, CancellationToken cancellationToken)
    {
        if (!_actor.IsOperator)
        {
            throw new ForbiddenException("Only an operator writes documents from the command line.");
        }

        if (!DocumentKinds.TryParse(command.Kind, out var kind))
        {
            return Outcome<DocumentVm>.Refused("--kind", $"\"{command.Kind}\" is not a kind of document; use {string.Join(", ", Enum.GetValues<DocumentKind>().Select(DocumentKinds.Slug))}.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (!PackPeriod.TryParse(command.Period, out var period) || period.FirstDay > new DateOnly(today.Year, today.Month, 1))
        {
            return Outcome<DocumentVm>.Refused("--period", $"\"{command.Period}\" is not a month that has begun, written YYYY-MM.");
        }

        var (providerId, scope, problem) = await ScopeAsync(kind, command, period.FirstDay, cancellationToken);
        if (problem is not null)
        {
            return Outcome<DocumentVm>.Refused(problem.Field, problem.Message);
        }

        // A trail audit reads the trail as it stands today, as one asked for on its page does.
        var asOf = kind == DocumentKind.TrailAuditReport ? today : DocumentGenerator.DataAsOf(period.FirstDay, today);
        var document = new GovernanceDocument(providerId, kind, period.FirstDay, scope!, $"{DocumentKinds.Title(kind)}: {scope!.Name}", asOf, _actor.ActorName);
        await DocumentRequests.JoinSeriesAsync(_db, document, cancellationToken);
        _db.Documents.Add(document);
        await _db.SaveChangesAsync(cancellationToken);
        await _generator.GenerateAsync(document.Id, cancellationToken);

        var written = await _db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id, cancellationToken);
        if (written.Status != DocumentStatus.Ready)
        {
            return Outcome<DocumentVm>.Refused("", written.FailureReason ?? "The document could not be written.");
        }

        await using (var file = _files.Open(written.StoredName!))
        {
            await file.CopyToAsync(command.Output, cancellationToken);
        }

        return Outcome<DocumentVm>.Of(new DocumentVm(
            written.Id, written.Kind, written.Title, written.Period, written.ScopeName, null, written.RequestedBy, written.CreatedAt, written.Status, written.Stage,
            null, written.DataAsOf, written.GeneratedAt, written.SizeBytes, written.Sha256, written.FileName, written.Revision, written.Review, null, null, null, null, written.PdfStoredName is null ? 0 : written.PdfSizeBytes));
    }

    private async Task<(Guid ProviderId, DocumentScope? Scope, FieldProblem? Problem)> ScopeAsync(DocumentKind kind, GenerateDocumentCommand command, DateOnly month, CancellationToken cancellationToken)
    {
        var provider = command.Provider?.Trim();
        var named = provider is null ? null : await _db.Providers.Where(p => p.Name == provider).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (provider is not null && named is null)
        {
            return (default, null, new FieldProblem("--provider", $"There is no provider called \"{provider}\"."));
        }

        switch (kind)
        {
            case DocumentKind.SitePack or DocumentKind.TrailAuditReport:
                var code = command.Site?.Trim() ?? "";
                var site = await _db.Sites.Where(s => s.Code == code).Select(s => new { s.Id, s.Name, s.ProviderId }).FirstOrDefaultAsync(cancellationToken);
                return site is null
                    ? (default, null, new FieldProblem("--site", code.Length == 0 ? $"A {DocumentKinds.Title(kind).ToLowerInvariant()} needs --site with the site's CQC location ID." : $"There is no site {code}."))
                    : (site.ProviderId, DocumentScope.Site(site.Id, site.Name), null);
            case DocumentKind.CommissionerUpdate:
                var email = command.Commissioner?.Trim() ?? "";
                var normalized = email.ToUpperInvariant();
                var user = await _db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
                if (user is null)
                {
                    return (default, null, new FieldProblem("--commissioner", email.Length == 0 ? "A commissioner update needs --commissioner with their email." : $"There is no user {email}."));
                }

                var providers = await _db.SiteAssignments.Where(a => a.UserId == user.Id && a.Kind == SiteAssignmentKind.Commissions)
                    .Join(_db.Sites, a => a.SiteId, s => s.Id, (a, s) => s.ProviderId).Distinct().ToListAsync(cancellationToken);
                var providerId = named?.Id ?? (providers.Count == 1 ? providers[0] : (Guid?)null);
                return providerId is { } chosen && providers.Contains(chosen)
                    ? (chosen, DocumentScope.Commissioner(user.Id, user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? email), null)
                    : (default, null, new FieldProblem("--provider", providers.Count == 0
                        ? $"{email} commissions no site."
                        : $"{email} commissions sites of {providers.Count} providers; name one with --provider."));
            case DocumentKind.OversightMinutes:
                if (named is null)
                {
                    return (default, null, new FieldProblem("--provider", "Oversight minutes need --provider with the provider's name."));
                }

                // The minutes of the provider's last meeting of the month.
                var end = month.AddMonths(1);
                var meeting = await _db.OversightMeetings.Where(m => m.ProviderId == named.Id && m.HeldOn >= month && m.HeldOn < end)
                    .OrderByDescending(m => m.HeldOn).Select(m => new { m.Id, m.Title, m.HeldOn }).FirstOrDefaultAsync(cancellationToken);
                return meeting is null
                    ? (default, null, new FieldProblem("--period", $"{named.Name} held no oversight meeting in {month:yyyy-MM}."))
                    : (named.Id, DocumentScope.Meeting(meeting.Id, meeting.Title, meeting.HeldOn), null);
            default:
                return named is null
                    ? (default, null, new FieldProblem("--provider", "A board pack needs --provider with the provider's name."))
                    : (named.Id, DocumentScope.Provider(named.Name), null);
        }
    }
}
