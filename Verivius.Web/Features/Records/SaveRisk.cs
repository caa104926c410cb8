using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>Adds or changes a recovery-map risk in the portal, its current action and cited evidence resolved.</summary>
public sealed record SaveRiskCommand(string SiteCode, RiskFormVm Form) : ICommand<Outcome>;

/// <summary>A risk of a site, as its edit form shows it.</summary>
public sealed record GetRiskFormQuery(string SiteCode, string RiskRef) : IQuery<RiskFormVm>;

internal sealed class RiskFormsHandler : ICommandHandler<SaveRiskCommand, Outcome>, IQueryHandler<GetRiskFormQuery, RiskFormVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public RiskFormsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<RiskFormVm> Handle(GetRiskFormQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var risk = await _db.RecoveryRisks.AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == site.SiteId && r.Ref == query.RiskRef, cancellationToken)
            ?? throw new NotFoundException($"No risk {query.RiskRef} at this site.");
        var d = risk.Details;
        return new RiskFormVm
        {
            RiskRef = d.RiskRef,
            Area = d.Area.ToString(),
            Risk = d.Risk,
            BaselineIssue = d.BaselineIssue,
            Target = d.Target,
            CurrentActionRef = d.CurrentActionRef,
            EvidenceSource = d.EvidenceSource,
            Owner = d.Owner,
            ReviewRoute = d.ReviewRoute,
            ReviewOn = d.ReviewOn,
            Trend = d.Trend.ToString(),
            EvidenceRefs = d.EvidenceRefs,
            IsNew = false,
        };
    }

    public async ValueTask<Outcome> Handle(SaveRiskCommand command, CancellationToken cancellationToken)
    {
        var site = await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        var area = FormValues.Choice<AssuranceArea>(form.Area, nameof(form.Area), problems);
        var trend = FormValues.Choice<RiskTrend>(form.Trend, nameof(form.Trend), problems);
        var existing = await _db.RecoveryRisks.FirstOrDefaultAsync(r => r.SiteId == site.SiteId && r.Ref == form.RiskRef.Trim(), cancellationToken);
        FormValues.CheckReference(existing, form.IsNew, form.RiskRef, nameof(form.RiskRef), "a risk", problems);

        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        var actionId = FormValues.Blank(form.CurrentActionRef) is { } actionRef ? index.Find(RecordKind.Actions, actionRef) : null;
        if (FormValues.Blank(form.CurrentActionRef) is not null && actionId is null)
        {
            problems.Add(new FieldProblem(nameof(form.CurrentActionRef), $"\"{form.CurrentActionRef!.Trim()}\" is not an action of this site; add the action first."));
        }

        var evidence = FormValues.Evidence(index, form.EvidenceRefs, nameof(form.EvidenceRefs), problems);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var details = new RecoveryDetails(
            form.RiskRef.Trim(), area, form.Risk.Trim(), FormValues.Blank(form.BaselineIssue), FormValues.Blank(form.Target), FormValues.Blank(form.CurrentActionRef),
            FormValues.Blank(form.EvidenceSource), FormValues.Blank(form.Owner), FormValues.Blank(form.ReviewRoute), form.ReviewOn, trend, FormValues.Blank(form.EvidenceRefs));
        var risk = existing ?? _db.RecoveryRisks.Add(new RecoveryRisk(site.SiteId, details)).Entity;
        risk.Record(details, actionId);
        risk.WrittenBy(null);
        var cited = await EvidenceLinking.CurrentAsync(_db, [risk.Id], cancellationToken);
        EvidenceLinking.Replace(_db, site.SiteId, new RecordLink(RecordKind.Recovery, risk.Id), cited[risk.Id], evidence);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
