using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>Adds or changes an action in the portal, with the workbook's rules and reference checks.</summary>
public sealed record SaveActionCommand(string SiteCode, ActionFormVm Form) : ICommand<Outcome>;

/// <summary>Closes an action with an outcome and the evidence that it was done.</summary>
public sealed record CloseActionCommand(string SiteCode, string ActionRef, CloseActionVm Form) : ICommand<Outcome>;

/// <summary>An action of a site, as its edit and close forms show it.</summary>
public sealed record GetActionFormQuery(string SiteCode, string ActionRef) : IQuery<ActionFormVm>;

internal sealed class ActionFormsHandler :
    ICommandHandler<SaveActionCommand, Outcome>, ICommandHandler<CloseActionCommand, Outcome>, IQueryHandler<GetActionFormQuery, ActionFormVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ActionFormsHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<ActionFormVm> Handle(GetActionFormQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var action = await FindAsync(site.SiteId, query.ActionRef, cancellationToken);
        var d = action.Details;
        return new ActionFormVm
        {
            ActionRef = d.ActionRef,
            Title = d.Title,
            Source = d.Source.ToString(),
            SourceRef = d.SourceRef,
            Owner = d.Owner,
            RaisedOn = d.RaisedOn,
            DueOn = d.DueOn,
            Area = d.Area?.ToString(),
            IsNew = false,
        };
    }

    public async ValueTask<Outcome> Handle(SaveActionCommand command, CancellationToken cancellationToken)
    {
        var site = await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        var source = FormValues.Choice<ActionSource>(form.Source, nameof(form.Source), problems);
        var area = FormValues.OptionalChoice<AssuranceArea>(form.Area, nameof(form.Area), problems);
        if (form.DueOn < form.RaisedOn)
        {
            problems.Add(new FieldProblem(nameof(form.DueOn), "The due date is before the date the action was raised."));
        }

        var existing = await _db.Actions.FirstOrDefaultAsync(a => a.SiteId == site.SiteId && a.Ref == form.ActionRef.Trim(), cancellationToken);
        FormValues.CheckReference(existing, form.IsNew, form.ActionRef, nameof(form.ActionRef), "an action", problems);

        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        RecordLink? sourceRecord = null;
        var kinds = source.RecordKinds();
        if (kinds.Length > 0 && !string.IsNullOrWhiteSpace(form.SourceRef))
        {
            var found = kinds.Select(k => (Kind: k, Id: index.Find(k, form.SourceRef))).FirstOrDefault(f => f.Id is not null);
            if (found.Id is null)
            {
                problems.Add(new FieldProblem(nameof(form.SourceRef), $"\"{form.SourceRef.Trim()}\" is not a record of this site that a {source.ToString().ToLowerInvariant()} action can come from."));
            }
            else
            {
                sourceRecord = new RecordLink(found.Kind, found.Id.Value);
            }
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var previous = existing?.Details;
        var details = new ActionDetails(
            form.ActionRef.Trim(), form.Title.Trim(), source, FormValues.Blank(form.SourceRef), FormValues.Blank(form.Owner), form.RaisedOn!.Value, form.DueOn,
            previous?.Status ?? ActionStatus.Open, previous?.ClosedOn, previous?.Outcome, previous?.EvidenceRef, area);
        var action = existing ?? _db.Actions.Add(new ImprovementAction(site.SiteId, details)).Entity;
        action.Record(details, sourceRecord, action.ClosureEvidence);
        action.WrittenBy(null);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<Outcome> Handle(CloseActionCommand command, CancellationToken cancellationToken)
    {
        var site = await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var action = await FindAsync(site.SiteId, command.ActionRef, cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (form.ClosedOn < action.Details.RaisedOn)
        {
            problems.Add(new FieldProblem(nameof(form.ClosedOn), $"The action was raised on {action.Details.RaisedOn:d MMMM yyyy}; it cannot close before that."));
        }
        else if (form.ClosedOn > today)
        {
            problems.Add(new FieldProblem(nameof(form.ClosedOn), "The closing date is in the future; close the action on the day it is done."));
        }

        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        var reference = EvidenceReference.Parse(form.EvidenceRef ?? "");
        var evidenceId = reference is null ? null : index.Find(reference.Kind, reference.Ref);
        if (evidenceId is null)
        {
            problems.Add(new FieldProblem(nameof(form.EvidenceRef), $"\"{form.EvidenceRef}\" names no record or attachment of this site; use Sheet:Ref (such as Audits:AUD-12) or an attachment's file name."));
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var details = action.Details with { Status = ActionStatus.Closed, ClosedOn = form.ClosedOn, Outcome = form.Outcome!.Trim(), EvidenceRef = reference!.WrittenAs };
        action.Record(details, action.SourceRecord, new RecordLink(reference.Kind, evidenceId!.Value));
        action.WrittenBy(null);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<ImprovementAction> FindAsync(Guid siteId, string reference, CancellationToken cancellationToken) =>
        await _db.Actions.FirstOrDefaultAsync(a => a.SiteId == siteId && a.Ref == reference, cancellationToken)
        ?? throw new NotFoundException($"No action {reference} at this site.");
}
