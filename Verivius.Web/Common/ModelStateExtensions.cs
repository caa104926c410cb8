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
}
