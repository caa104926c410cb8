using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Domain.Readiness;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Readiness;

/// <summary>
/// A site's readiness under the framework its provider works to: for December 2024, each Well-led quality
/// statement's evidence by category beside the leaders' own rating; for the 2026 draft, each key line of
/// enquiry's evidence by record kind, the open challenges bearing on it and its rating characteristics.
/// </summary>
public sealed record GetReadinessQuery(string SiteCode) : IQuery<ReadinessVm>;

public sealed record ReadinessVm(
    string SiteCode, string SiteName, string FrameworkName, string FrameworkVersion, FrameworkStatus FrameworkStatus, string? FrameworkNote,
    IReadOnlyList<(EvidenceCategory Code, string Title)> Categories, IReadOnlyList<StatementReadiness> Statements,
    IReadOnlyList<KeyQuestionReadiness> KeyQuestions, DateOnly AsOf)
{
    public bool ByLinesOfEnquiry => KeyQuestions.Count > 0;
}

internal sealed class GetReadinessHandler : IQueryHandler<GetReadinessQuery, ReadinessVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public GetReadinessHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<ReadinessVm> Handle(GetReadinessQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(query.SiteCode, cancellationToken);
        var named = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var inUse = await FrameworkInUse.LoadAsync(_db, site.ProviderId, cancellationToken);
        var framework = inUse.Framework;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var evidence = (await SiteEvidenceLoader.LoadAsync(_db, [site.SiteId], today, cancellationToken))[site.SiteId];
        var categories = framework.Items.Where(i => i.Kind == FrameworkItemKind.EvidenceCategory).OrderBy(i => i.Position)
            .Select(i => (Enum.Parse<EvidenceCategory>(i.Code), i.Title)).ToList();
        IReadOnlyList<KeyQuestionReadiness> keyQuestions = [];
        if (inUse.ByLinesOfEnquiry)
        {
            var active = ChallengeStatuses.Active;
            var open = await _db.Challenges.AsNoTracking().Where(c => c.SiteId == site.SiteId && active.Contains(c.Status))
                .Select(c => new OpenChallenge(c.Code, c.Severity, c.Finding)).ToListAsync(cancellationToken);
            keyQuestions = KeyLineReadiness.Of(evidence, today, inUse.LinesOfEnquiry, open);
        }

        return new ReadinessVm(
            named.Code, named.Name, framework.Name, framework.Version, framework.Status, framework.Note, categories,
            WellLedReadiness.Of(evidence, today, inUse.Statements), keyQuestions, today);
    }
}
