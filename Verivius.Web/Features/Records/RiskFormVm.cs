using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Records;

/// <summary>A risk on the site's recovery map, as leaders keep it in the portal between packs.</summary>
public sealed class RiskFormVm : IRecordForm
{
    [Required(ErrorMessage = "Give the risk a reference, such as R-4.")]
    [StringLength(100)]
    [Display(Name = "Reference")]
    public string RiskRef { get; set; } = "";

    [Required(ErrorMessage = "Choose the area the risk is in.")]
    public string Area { get; set; } = "";

    [Required(ErrorMessage = "Describe the risk.")]
    [StringLength(500)]
    public string Risk { get; set; } = "";

    [Display(Name = "Baseline issue (where it started)")]
    public string? BaselineIssue { get; set; }

    [Display(Name = "Target (a measurable improvement)")]
    public string? Target { get; set; }

    [Display(Name = "Current action (its reference)")]
    public string? CurrentActionRef { get; set; }

    [Display(Name = "Evidence source")]
    public string? EvidenceSource { get; set; }

    public string? Owner { get; set; }

    [Display(Name = "Review route (which meeting reviews it, how often)")]
    public string? ReviewRoute { get; set; }

    [Display(Name = "Next review")]
    public DateOnly? ReviewOn { get; set; }

    [Required(ErrorMessage = "Choose the trend.")]
    public string Trend { get; set; } = "NoChange";

    [Display(Name = "Evidence (Sheet:Ref or attachment names, separated by ;)")]
    public string? EvidenceRefs { get; set; }

    public bool IsNew { get; set; } = true;

    string IRecordForm.Reference
    {
        get => RiskRef;
        set => RiskRef = value;
    }
}
