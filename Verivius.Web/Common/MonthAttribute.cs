using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Verivius.Domain.Packs;

namespace Verivius.Web.Common;

/// <summary>
/// A month parameter written YYYY-MM, within the years a care record can be about. Anything else is
/// a bad request that says so, not a month far outside the calendar's range that fails later.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MonthAttribute : ValidationAttribute
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        return PackPeriod.TryParse(text, out var period) && period.Year is >= FirstYear and <= LastYear
            ? ValidationResult.Success
            : new ValidationResult(string.Format(
                CultureInfo.InvariantCulture,
                "{0} must be a month written YYYY-MM between {1}-01 and {2}-12; \"{3}\" is not.",
                validationContext.DisplayName,
                FirstYear,
                LastYear,
                text));
    }
}
