using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>The form to create or edit a user: who they are, their roles, their sites.</summary>
public sealed class UserFormVm
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Enter the person's email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Display(Name = "Name")]
    [StringLength(200)]
    public string? DisplayName { get; set; }

    [Display(Name = "Organisation (commissioners)")]
    [StringLength(200)]
    public string? Organisation { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<string> Sites { get; set; } = [];

    /// <summary>The provider's sites to choose from (code and name), filled by the handler, not the form.</summary>
    public IReadOnlyList<SiteChoice> SiteChoices { get; set; } = [];

    /// <summary>Whether a new user is invited by e-mail (mail is on) rather than given a one-time password.</summary>
    public bool InvitedByMail { get; set; }
}

public sealed record SiteChoice(string Code, string Name);
