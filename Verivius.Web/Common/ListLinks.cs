using Microsoft.AspNetCore.Http.Extensions;

namespace Verivius.Web.Common;

/// <summary>Links that change one thing about a list (its page or its sort) and keep the rest.</summary>
public static class ListLinks
{
    public static string Sort(PathString path, ListRequest request, string column)
    {
        var descending = request.Sort == column && !request.Descending;
        return Build(path, request with { Sort = column, Descending = descending, Page = 1 });
    }

    public static string Page(PathString path, ListRequest request, int page) => Build(path, request with { Page = page });

    /// <summary>The aria-sort value of a column header, so screen readers announce the order.</summary>
    public static string AriaSort(ListRequest request, string column, bool isDefault = false) =>
        request.Sort == column || (isDefault && request.Sort is null)
            ? (request.Descending ? "descending" : "ascending")
            : "none";

    private static string Build(PathString path, ListRequest request)
    {
        var query = new QueryBuilder();
        if (request.SafePage > 1)
        {
            query.Add("page", request.SafePage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (request.Sort is not null)
        {
            query.Add("sort", request.Sort);
        }

        if (request.Descending)
        {
            query.Add("descending", "true");
        }

        if (request.SafeFilter is not null)
        {
            query.Add("filter", request.SafeFilter);
        }

        return path + query.ToQueryString().ToString();
    }
}
