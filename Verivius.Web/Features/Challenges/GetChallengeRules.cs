using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Challenges;

/// <summary>What every challenge means, with the thresholds the person's provider judges it by.</summary>
public sealed record GetChallengeRulesQuery : IQuery<ChallengeRulesVm>;

/// <summary>The catalogue by section; <paramref name="ProviderName"/> is whose thresholds are shown, null for the defaults.</summary>
public sealed record ChallengeRulesVm(string? ProviderName, IReadOnlyList<IGrouping<string, ChallengeRuleVm>> Sections);

public sealed record ChallengeRuleVm(ChallengeRule Rule, bool RollsUp, IReadOnlyList<RuleThresholdVm> Thresholds);

public sealed record RuleThresholdVm(string Label, int Value, string Unit, int Default);

internal sealed class GetChallengeRulesHandler : IQueryHandler<GetChallengeRulesQuery, ChallengeRulesVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public GetChallengeRulesHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<ChallengeRulesVm> Handle(GetChallengeRulesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var provider = scope.ProviderId is { } providerId
            ? await _db.Providers.Where(p => p.Id == providerId)
                .Select(p => new { p.Name, Thresholds = _db.ChallengeSettings.Where(s => s.ProviderId == p.Id).Select(s => s.Thresholds).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var thresholds = provider?.Thresholds ?? ChallengeThresholds.Defaults;
        var rules = ChallengeCatalogue.Rules.Select(rule => new ChallengeRuleVm(
            rule,
            RolledUpFindings.RollsUp(rule.Code),
            [.. ChallengeThresholds.Settings.Where(s => s.Codes.Contains(rule.Code)).Select(s => new RuleThresholdVm(s.Label, s.Read(thresholds), s.Unit, s.Default))]));
        return new ChallengeRulesVm(provider?.Name, [.. rules.GroupBy(r => r.Rule.Section)]);
    }
}
