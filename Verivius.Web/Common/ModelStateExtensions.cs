using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Verivius.Web.Common;

public static class ModelStateExtensions
{
    public static void AddProblems(this ModelStateDictionary modelState, Outcome outcome)
    {
        foreach (var problem in outcome.Problems)
        {
            modelState.AddModelError(problem.Field, problem.Message);
        }
    }

    /// <summary>What the person typed into a field of a refused form, so the page shows it again rather than losing it.</summary>
    public static string? Typed(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) ? entry.AttemptedValue : null;
}
