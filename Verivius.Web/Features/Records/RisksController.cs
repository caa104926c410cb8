using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>The recovery map kept in the portal between packs: add a risk or change one.</summary>
[Route("sites/{siteCode}/records/recovery")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class RisksController(IMediator mediator) : RecordFormController<RiskFormVm>(mediator)
{
    protected override string Slug => "recovery";

    protected override string Noun => "Risk";

    protected override IQuery<RiskFormVm> Load(string siteCode, string reference) => new GetRiskFormQuery(siteCode, reference);

    protected override ICommand<Outcome> Save(string siteCode, RiskFormVm form) => new SaveRiskCommand(siteCode, form);
}
