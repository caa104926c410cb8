using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Records;

/// <summary>An assurance statement as leaders keep it in the portal: the claim, its rating and the evidence behind it.</summary>
public sealed class AssuranceFormVm : IRecordForm
{
    [Required(ErrorMessage = "Give the statement a reference, such as AS-3.")]
    [StringLength(100)]
    [Display(Name = "Reference")]
    public string StatementRef { get; set; } = "";

    [Required(ErrorMessage = "Choose the area the statement is about.")]
    public string Area { get; set; } = "";

    [Required(ErrorMessage = "Write the statement, such as \"Staffing is stable and safe\".")]
    [StringLength(500)]
    public string Statement { get; set; } = "";

    [Required(ErrorMessage = "Choose a rating.")]
    public string Rating { get; set; } = "Amber";

    [Required(ErrorMessage = "Choose how confident leaders are.")]
    public string Confidence { get; set; } = "Qualified";

    [Display(Name = "Evidence (Sheet:Ref or attachment names, separated by ;)")]
    public string? EvidenceRefs { get; set; }

    [Display(Name = "Quality statement (optional)")]
    public string? QualityStatement { get; set; }

    public bool IsNew { get; set; } = true;

    string IRecordForm.Reference
    {
        get => StatementRef;
        set => StatementRef = value;
    }
}
