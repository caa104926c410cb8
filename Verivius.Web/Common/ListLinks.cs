using Microsoft.AspNetCore.Http.Extensions;

namespace Verivius.Web.Common;

/// <summary>
/// Links that change one thing about a list (its page or its sort) and keep the rest, including any
/// filters of the page's own (such as a register's code or status) that are in the query string.
/// </summary>
public static class ListLinks
{
    private static readonly string[] ListKeys = ["page", "sort", "descending", "filter"];

    public static string Sort(HttpRequest http, ListRequest request, string column)
    {
        ArgumentNullException.ThrowIfNull(http);
        var descending = request.Sort == column && !request.Descending;
        return Build(http, request with { Sort = column, Descending = descending, Page = 1 });
    }

    public static string Page(HttpRequest http, ListRequest request, int page) => Build(http, request with { Page = page });

    /// <summary>The aria-sort value of a column header, so screen readers announce the order.</summary>
    public static string AriaSort(ListRequest request, string column, bool isDefault = false) =>
        request.Sort == column || (isDefault && request.Sort is null)
            ? (request.Descending ? "descending" : "ascending")
            : "none";

    private static string Build(HttpRequest http, ListRequest request)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in http.Query.Where(q => !ListKeys.Contains(q.Key, StringComparer.OrdinalIgnoreCase)))
        {
            query.Add(key, values.Where(v => v is not null).Select(v => v!));
        }

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

        return http.Path + query.ToQueryString().ToString();
    }
}
