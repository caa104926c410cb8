using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Admin.Sites;

public sealed class SiteFormVm
{
    [Required(ErrorMessage = "Enter the site's CQC location ID.")]
    [Display(Name = "CQC location ID")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Enter the site's name.")]
    [StringLength(200)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose a service type.")]
    [Display(Name = "Service type")]
    public string ServiceType { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Registered manager (as registered with CQC)")]
    public string? RegisteredManager { get; set; }

    [Display(Name = "CQC overall rating")]
    public string? CqcRating { get; set; }

    [Display(Name = "Published by CQC on")]
    public DateOnly? CqcRatingPublishedOn { get; set; }

    [Display(Name = "CQC Well-led rating")]
    public string? CqcWellLedRating { get; set; }

    [StringLength(300)]
    [Display(Name = "Address of CQC's report")]
    public string? CqcReportUrl { get; set; }

    /// <summary>The first month the site owes a pack for, as <c>yyyy-MM</c> (what a month input sends).</summary>
    [Display(Name = "Reporting from")]
    public string? ReportingFrom { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsNew { get; set; } = true;
}
