using Microsoft.AspNetCore.Mvc.Rendering;
using Verivius.Domain.Common;

namespace Verivius.Web.Common;

/// <summary>The options of a choice field: each value as the form sends it, shown in plain words.</summary>
public static class Choices
{
    public static IEnumerable<SelectListItem> Of<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(name => new SelectListItem(PlainWords.Of(name), name));
}
