using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>Assurance statements kept in the portal between packs: add one or change one.</summary>
[Route("sites/{siteCode}/records/assurance")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class AssuranceController(IMediator mediator) : RecordFormController<AssuranceFormVm>(mediator)
{
    protected override string Slug => "assurance";

    protected override string Noun => "Statement";

    protected override IQuery<AssuranceFormVm> Load(string siteCode, string reference) => new GetAssuranceFormQuery(siteCode, reference);

    protected override ICommand<Outcome> Save(string siteCode, AssuranceFormVm form) => new SaveAssuranceCommand(siteCode, form);
}
