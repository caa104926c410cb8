using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Verivius.Web.Api;

/// <summary>RFC 9457 problem details, written the same way by the API's controllers, its access checks, its authentication and its rate limit.</summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    /// <summary>Where the status is defined: RFC 9457 asks for a type URI, and these problems need no more than the status's own.</summary>
    public static string TypeOf(int status) => status == StatusCodes.Status429TooManyRequests
        ? "https://www.rfc-editor.org/rfc/rfc6585#section-4"
        : $"https://www.rfc-editor.org/rfc/rfc9110#status.{status.ToString(CultureInfo.InvariantCulture)}";

    public static ProblemDetails Of(HttpContext context, int status, string title, string detail) => new()
    {
        Type = TypeOf(status),
        Title = title,
        Status = status,
        Detail = detail,
        Instance = context.Request.Path,
    };

    /// <summary>The problem as an action's result.</summary>
    public static ObjectResult Result(HttpContext context, int status, string title, string detail) =>
        new(Of(context, status, title, detail)) { StatusCode = status, ContentTypes = { ContentType } };

    /// <summary>The problem written straight to the response, where no action runs.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Of(context, status, title, detail), options: null, contentType: ContentType);
    }
}
