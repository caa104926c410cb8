using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Verivius.Web.Common;

/// <summary>Which page of a list, sorted how, filtered by what: bound from the query string.</summary>
public sealed record ListRequest([Range(1, 1_000_000)] int Page = 1, string? Sort = null, bool Descending = false, string? Filter = null)
{
    public const int PageSize = 25;

    public int SafePage => Math.Max(1, Page);

    public string? SafeFilter => string.IsNullOrWhiteSpace(Filter) ? null : Filter.Trim();
}

/// <summary>One page of a list, with what a pager and sortable headers need to draw themselves.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, ListRequest Request, int Total) : IPageInfo
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)ListRequest.PageSize));
}

/// <summary>What the pager partial needs of any page, whatever it lists.</summary>
public interface IPageInfo
{
    ListRequest Request { get; }

    int Total { get; }

    int PageCount { get; }
}

public static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, ListRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .Skip((request.SafePage - 1) * ListRequest.PageSize)
            .Take(ListRequest.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<T>(items, request, total);
    }
}
