using Mediator;
using Microsoft.AspNetCore.Mvc;
using Verivius.Web.Common;
using Verivius.Web.Features.Challenges;

namespace Verivius.Web.Features.Records;

/// <summary>
/// Adding and changing one kind of record in the portal between packs: the form, the save through one
/// command, and back to the record, or the form again with every problem on its field.
/// </summary>
public abstract class RecordFormController<TForm> : Controller
    where TForm : class, IRecordForm, new()
{
    protected RecordFormController(IMediator mediator) => Mediator = mediator;

    protected IMediator Mediator { get; }

    /// <summary>The kind's slug in /sites/{code}/records/{slug}.</summary>
    protected abstract string Slug { get; }

    protected abstract string Noun { get; }

    protected abstract IQuery<TForm> Load(string siteCode, string reference);

    protected abstract ICommand<Outcome> Save(string siteCode, TForm form);

    [HttpGet("new")]
    public IActionResult New() => View(FormView, new TForm());

    [HttpPost("new")]
    public Task<IActionResult> New(string siteCode, TForm form, CancellationToken cancellationToken)
    {
        form.IsNew = true;
        return SaveAsync(siteCode, form, cancellationToken);
    }

    [HttpGet("{reference}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string reference, CancellationToken cancellationToken) =>
        View(FormView, await Mediator.Send(Load(siteCode, reference), cancellationToken));

    [HttpPost("{reference}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string reference, TForm form, CancellationToken cancellationToken)
    {
        // The record must exist at the site before the form is even checked.
        await Mediator.Send(Load(siteCode, reference), cancellationToken);
        form.Reference = reference;
        form.IsNew = false;

        // The reference comes from the address, not the form, so the form is checked again with it.
        ModelState.Clear();
        TryValidateModel(form);
        return await SaveAsync(siteCode, form, cancellationToken);
    }

    /// <summary>A change to a site's records may raise or clear challenges: the engine checks the site again at once.</summary>
    protected async Task<string> RecheckAsync(string siteCode, CancellationToken cancellationToken) =>
        "Challenge engine: " + await Mediator.Send(new RunChallengesCommand(siteCode), cancellationToken);

    protected string FormView => typeof(TForm).Name[..^"Vm".Length];

    protected IActionResult ToRecord(string siteCode, string reference) =>
        RedirectToAction("Show", "Records", new { siteCode, kind = Slug, reference });

    private async Task<IActionResult> SaveAsync(string siteCode, TForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await Mediator.Send(Save(siteCode, form), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"{Noun} {form.Reference.Trim()} is saved. {await RecheckAsync(siteCode, cancellationToken)}";
                return ToRecord(siteCode, form.Reference.Trim());
            }

            ModelState.AddProblems(outcome);
        }

        return View(FormView, form);
    }
}
