using System.Security.Claims;
using Verivius.Infrastructure.History;

namespace Verivius.Web.Security;

/// <summary>
/// Who is acting in this scope: the signed-in person on a web request, or whoever a command-line verb
/// or a scheduled job says it acts as. Everything that records or checks "who" reads it from here.
/// </summary>
public sealed class CurrentActor : IActorContext
{
    public const string OperatorName = "operator (command line)";

    private readonly IHttpContextAccessor _http;
    private Assumed? _assumed;

    public CurrentActor(IHttpContextAccessor http) => _http = http;

    public bool IsOperator => _assumed?.IsOperator ?? false;

    public string? UserId => _assumed is not null
        ? _assumed.UserId
        : _http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The sites and role a care system's API token carries, when that is who is calling.</summary>
    public Domain.Access.UserScope? ApiTokenScope => _assumed is null ? ApiTokenAuthentication.ScopeOf(_http.HttpContext?.User) : null;

    public string ActorName => _assumed?.Name ?? _http.HttpContext?.User.Identity?.Name ?? "system";

    /// <summary>
    /// For command-line verbs an operator runs with the database's own authority, and for the portal's
    /// own start-up work (the demo data), named so the change log says which it was.
    /// </summary>
    public void AssumeOperator(string name = OperatorName) => _assumed = new Assumed(null, name, IsOperator: true);

    /// <summary>For command-line verbs that act as a named person, with exactly that person's scope.</summary>
    public void AssumeUser(string userId, string email) => _assumed = new Assumed(userId, email, IsOperator: false);

    private sealed record Assumed(string? UserId, string Name, bool IsOperator);
}
