using Mediator;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;
using Verivius.Web.Features.Sites;

namespace Verivius.Web.Features.Home;

/// <summary>Sends each person to the home page of their role; a registered manager of one site, to that site.</summary>
[Route("")]
public sealed class HomeController : Controller
{
    private readonly IMediator _mediator;

    public HomeController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.NominatedIndividual))
        {
            return RedirectToAction("Index", "Provider");
        }

        if (User.IsInRole(Roles.ProviderAdmin))
        {
            return RedirectToAction("Index", "Admin");
        }

        if (User.IsInRole(Roles.RegisteredManager))
        {
            var sites = await _mediator.Send(new ListSitesQuery(new ListRequest()), cancellationToken);
            return sites.Total == 1
                ? RedirectToAction("Show", "Sites", new { siteCode = sites.Items[0].Code })
                : RedirectToAction("Index", "Sites");
        }

        return User.IsInRole(Roles.Commissioner) ? RedirectToAction("Index", "Commissioner") : View("NoRole");
    }
}
