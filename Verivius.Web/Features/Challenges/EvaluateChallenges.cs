using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// What the engine finds at a site as of a day, without changing the register: each finding with the
/// status and dates of its challenge in the register where it has one, as the command line prints it.
/// </summary>
public sealed record EvaluateChallengesQuery(string SiteCode, DateOnly? AsOf) : IQuery<IReadOnlyList<EvaluatedChallenge>>;

public sealed record EvaluatedChallenge(string Code, string SiteCode, ChallengeSeverity Severity, ChallengeStatus Status, string Subject, string Finding, DateOnly RaisedOn, DateOnly OpenSince, DateOnly UpdatedOn);

internal sealed class EvaluateChallengesHandler : IQueryHandler<EvaluateChallengesQuery, IReadOnlyList<EvaluatedChallenge>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;

    public EvaluateChallengesHandler(VeriviusDbContext db, SiteAccess access, ChallengeRunner runner)
    {
        _db = db;
        _access = access;
        _runner = runner;
    }

    public async ValueTask<IReadOnlyList<EvaluatedChallenge>> Handle(EvaluateChallengesQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(query.SiteCode, cancellationToken);
        var code = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Code).SingleAsync(cancellationToken);
        var asOf = query.AsOf ?? _runner.Today;
        var (findings, held) = await _runner.EvaluateAsync(site.SiteId, asOf, cancellationToken);
        var register = held.ToDictionary(c => (c.Code, c.Key));
        // The register's status and dates describe the finding only if it was already in the register by the day asked about.
        return [.. findings.Select(f => register.TryGetValue((f.Code, f.Key), out var held) && held.Status.IsActive() && held.OpenedOn <= asOf
            ? new EvaluatedChallenge(f.Code, code, f.Severity, held.Status, First(f), f.Finding, held.RaisedOn, held.OpenSince, held.UpdatedOn)
            : new EvaluatedChallenge(f.Code, code, f.Severity, ChallengeStatus.Open, First(f), f.Finding, asOf, f.Since is { } since && since < asOf ? since : asOf, asOf))];
    }

    private static string First(ChallengeFinding finding) => finding.Subjects.Count > 0 ? finding.Subjects[0].ToString() : "";
}
