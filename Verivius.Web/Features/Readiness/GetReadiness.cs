using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Readiness;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Readiness;

/// <summary>A site's Well-led readiness: each quality statement's evidence of the last twelve months by category, beside the leaders' own rating.</summary>
public sealed record GetReadinessQuery(string SiteCode) : IQuery<ReadinessVm>;

public sealed record ReadinessVm(string SiteCode, string SiteName, string FrameworkName, string FrameworkVersion, string? FrameworkNote, IReadOnlyList<(EvidenceCategory Code, string Title)> Categories, IReadOnlyList<StatementReadiness> Statements, DateOnly AsOf);

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
        var (framework, statements) = await FrameworkStatements.LoadAsync(_db, site.ProviderId, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var evidence = (await SiteEvidenceLoader.LoadAsync(_db, [site.SiteId], today, cancellationToken))[site.SiteId];
        var categories = framework.Items.Where(i => i.Kind == FrameworkItemKind.EvidenceCategory).OrderBy(i => i.Position)
            .Select(i => (Enum.Parse<EvidenceCategory>(i.Code), i.Title)).ToList();
        return new ReadinessVm(named.Code, named.Name, framework.Name, framework.Version, framework.Note, categories, WellLedReadiness.Of(evidence, today, statements), today);
    }
}

/// <summary>The current framework's statements as a provider maps its evidence to them, for the readiness page and the mapping page.</summary>
public static class FrameworkStatements
{
    /// <summary>The current framework's statements with the record kinds that evidence each for the provider: its own choice, else the framework's.</summary>
    public static async Task<(AssessmentFramework Framework, List<StatementEvidence> Statements)> LoadAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Items).SingleOrDefaultAsync(f => f.IsCurrent, cancellationToken)
            ?? throw new NotFoundException("No assessment framework has been loaded yet; an operator loads one with the load-framework command.");
        var own = await db.ReadinessMappings.AsNoTracking().Where(m => m.ProviderId == providerId).ToDictionaryAsync(m => m.StatementCode, m => m.RecordKinds, cancellationToken);
        return (framework, [.. framework.Statements.Select(s => new StatementEvidence(s.Code, s.Title, RecordKindList.Read(own.GetValueOrDefault(s.Code) ?? s.RecordKinds)))]);
    }
}
