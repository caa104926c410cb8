using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Records;

/// <summary>An action as leaders keep it in the portal between packs.</summary>
public sealed class ActionFormVm : IRecordForm
{
    [Required(ErrorMessage = "Give the action a reference, such as ACT-42.")]
    [StringLength(100)]
    [Display(Name = "Reference")]
    public string ActionRef { get; set; } = "";

    [Required(ErrorMessage = "Say what is to be done.")]
    [StringLength(500)]
    [Display(Name = "What is to be done")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Choose where the action came from.")]
    public string Source { get; set; } = "Other";

    [Display(Name = "Source reference (the incident, decision, complaint… it came from)")]
    public string? SourceRef { get; set; }

    [Display(Name = "Owner (a role or a member of staff)")]
    public string? Owner { get; set; }

    [Required(ErrorMessage = "Enter the date the action was raised.")]
    [Display(Name = "Raised on")]
    public DateOnly? RaisedOn { get; set; }

    [Display(Name = "Due by")]
    public DateOnly? DueOn { get; set; }

    public string? Area { get; set; }

    public bool IsNew { get; set; } = true;

    string IRecordForm.Reference
    {
        get => ActionRef;
        set => ActionRef = value;
    }
}

/// <summary>Closing an action: when, what came of it, and the evidence that it was done.</summary>
public sealed class CloseActionVm
{
    public string ActionRef { get; set; } = "";

    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the date the action was closed.")]
    [Display(Name = "Closed on")]
    public DateOnly? ClosedOn { get; set; }

    [Required(ErrorMessage = "Say what came of the action.")]
    [StringLength(1000)]
    public string? Outcome { get; set; }

    [Required(ErrorMessage = "Name the evidence that it was done, such as Audits:AUD-12 or an attachment's file name.")]
    [Display(Name = "Closure evidence")]
    public string? EvidenceRef { get; set; }
}
