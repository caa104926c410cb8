using System.ComponentModel.DataAnnotations;

namespace Verivius.Web.Features.Account;

public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password.")]
    [MinLength(12, ErrorMessage = "Your new password must be at least 12 characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";

    public bool IsOneTimePassword { get; set; }
}
