using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;

namespace Verivius.Web.Features.Home;

/// <summary>Sends each person to the home page of their role.</summary>
[Route("")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index()
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
            return RedirectToAction("Index", "Sites");
        }

        return User.IsInRole(Roles.Commissioner) ? RedirectToAction("Index", "Commissioner") : View("NoRole");
    }
}
