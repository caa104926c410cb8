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
            return Redirect("/provider");
        }

        if (User.IsInRole(Roles.ProviderAdmin))
        {
            return Redirect("/admin");
        }

        if (User.IsInRole(Roles.RegisteredManager))
        {
            return Redirect("/sites");
        }

        return User.IsInRole(Roles.Commissioner) ? Redirect("/commissioner") : View("NoRole");
    }
}
