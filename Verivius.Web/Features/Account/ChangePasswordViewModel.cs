using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Account;

/// <summary>A new password typed twice, with the length rule, as every form that sets one asks for it.</summary>
public abstract class NewPasswordFields
{
    [Required(ErrorMessage = "Enter a new password.")]
    [MinLength(12, ErrorMessage = "Your new password must be at least 12 characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordViewModel : NewPasswordFields
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    public bool IsOneTimePassword { get; set; }
}
