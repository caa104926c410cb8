using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>Adds or changes an assurance statement in the portal, the evidence it cites resolved to the site's records.</summary>
public sealed record SaveAssuranceCommand(string SiteCode, AssuranceFormVm Form) : ICommand<Outcome>;

/// <summary>A statement of a site, as its edit form shows it.</summary>
public sealed record GetAssuranceFormQuery(string SiteCode, string StatementRef) : IQuery<AssuranceFormVm>;

internal sealed class AssuranceFormsHandler : ICommandHandler<SaveAssuranceCommand, Outcome>, IQueryHandler<GetAssuranceFormQuery, AssuranceFormVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public AssuranceFormsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<AssuranceFormVm> Handle(GetAssuranceFormQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var statement = await _db.AssuranceStatements.AsNoTracking().FirstOrDefaultAsync(a => a.SiteId == site.SiteId && a.Ref == query.StatementRef, cancellationToken)
            ?? throw new NotFoundException($"No assurance statement {query.StatementRef} at this site.");
        var d = statement.Details;
        return new AssuranceFormVm
        {
            StatementRef = d.StatementRef,
            Area = d.Area.ToString(),
            Statement = d.Statement,
            Rating = d.Rating.ToString(),
            Confidence = d.Confidence.ToString(),
            EvidenceRefs = d.EvidenceRefs,
            QualityStatement = d.QualityStatement,
            IsNew = false,
        };
    }

    public async ValueTask<Outcome> Handle(SaveAssuranceCommand command, CancellationToken cancellationToken)
    {
        var site = await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        var area = FormValues.Choice<AssuranceArea>(form.Area, nameof(form.Area), problems);
        var rating = FormValues.Choice<RagRating>(form.Rating, nameof(form.Rating), problems);
        var confidence = FormValues.Choice<Confidence>(form.Confidence, nameof(form.Confidence), problems);
        var existing = await _db.AssuranceStatements.FirstOrDefaultAsync(a => a.SiteId == site.SiteId && a.Ref == form.StatementRef.Trim(), cancellationToken);
        FormValues.CheckReference(existing, form.IsNew, form.StatementRef, nameof(form.StatementRef), "an assurance statement", problems);

        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        var evidence = FormValues.Evidence(index, form.EvidenceRefs, nameof(form.EvidenceRefs), problems);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var details = new AssuranceDetails(
            form.StatementRef.Trim(), area, form.Statement.Trim(), rating, confidence, FormValues.Blank(form.EvidenceRefs), FormValues.Blank(form.QualityStatement));
        var statement = existing ?? _db.AssuranceStatements.Add(new AssuranceStatement(site.SiteId, details)).Entity;
        statement.Record(details);
        statement.WrittenBy(null);
        var cited = await EvidenceLinking.CurrentAsync(_db, [statement.Id], cancellationToken);
        EvidenceLinking.Replace(_db, site.SiteId, new RecordLink(RecordKind.Assurance, statement.Id), cited[statement.Id], evidence);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
