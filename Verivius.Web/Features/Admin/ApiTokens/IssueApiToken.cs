using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.ApiTokens;

/// <summary>What the admin fills in to issue a token. The field names are the form's.</summary>
public sealed class ApiTokenForm
{
    public static IReadOnlyList<(ApiPermissions Permission, string Label, string Explanation)> PermissionChoices { get; } =
    [
        (ApiPermissions.SendPacks, "Send packs", "preview and import the monthly pack workbook of its sites"),
        (ApiPermissions.ReadRecovery, "Read the recovery position", "read its sites' recovery map and monthly figures"),
    ];

    public string? Name { get; set; }

    public List<Guid> SiteIds { get; set; } = [];

    public List<ApiPermissions> Permissions { get; set; } = [];

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>"Send packs, Read the recovery position": the permissions in the words the form uses.</summary>
    public static string Describe(ApiPermissions permissions) =>
        string.Join(", ", PermissionChoices.Where(p => permissions.HasFlag(p.Permission)).Select(p => p.Label));
}

/// <summary>The form, with the provider's active sites to choose from and what was already chosen.</summary>
public sealed record GetApiTokenFormQuery(ApiTokenForm? Form) : IQuery<ApiTokenFormVm>;

public sealed record ApiTokenFormVm(ApiTokenForm Form, IReadOnlyList<SiteChoice> Sites, DateOnly LatestExpiry);

public sealed record SiteChoice(Guid Id, string Code, string Name);

/// <summary>
/// Issues a token for the admin's provider: a new random secret, of which only the hash is stored. The
/// secret comes back once, in <see cref="IssuedApiToken"/>, for the admin to give the care system.
/// </summary>
public sealed record IssueApiTokenCommand(ApiTokenForm Form) : ICommand<Outcome<IssuedApiToken>>;

public sealed record IssuedApiToken(string Name, string Secret, string Permissions, IReadOnlyList<string> Sites, DateTimeOffset ExpiresAt);

internal sealed class IssueApiTokenHandler : ICommandHandler<IssueApiTokenCommand, Outcome<IssuedApiToken>>, IQueryHandler<GetApiTokenFormQuery, ApiTokenFormVm>
{
    /// <summary>Long enough to outlast a quarter's integration work, short enough that a forgotten token dies.</summary>
    private const int DefaultDays = 90;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public IssueApiTokenHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private DateOnly LatestExpiry => DateOnly.FromDateTime(_clock.GetUtcNow().Add(ApiToken.LongestLife).UtcDateTime);

    public async ValueTask<ApiTokenFormVm> Handle(GetApiTokenFormQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var sites = await _db.Sites.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new SiteChoice(s.Id, s.Code, s.Name))
            .ToListAsync(cancellationToken);
        var form = query.Form ?? new ApiTokenForm { ExpiresOn = Today.AddDays(DefaultDays), Permissions = [ApiPermissions.SendPacks, ApiPermissions.ReadRecovery] };
        return new ApiTokenFormVm(form, sites, LatestExpiry);
    }

    public async ValueTask<Outcome<IssuedApiToken>> Handle(IssueApiTokenCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var form = command.Form;
        var problems = new List<FieldProblem>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ApiToken.NameLength)
        {
            problems.Add(new FieldProblem(nameof(ApiTokenForm.Name), $"Enter a name of up to {ApiToken.NameLength} characters that says which care system holds the token."));
        }
        else if (await _db.ApiTokens.AnyAsync(t => t.ProviderId == providerId && t.Name == name, cancellationToken))
        {
            problems.Add(new FieldProblem(nameof(ApiTokenForm.Name), $"There is already a token named \"{name}\"; the change log names each token's calls by its name, so choose another."));
        }

        var sites = await _db.Sites.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.IsActive && form.SiteIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Code })
            .ToListAsync(cancellationToken);
        if (sites.Count == 0 || sites.Count != form.SiteIds.Distinct().Count())
        {
            problems.Add(new FieldProblem(nameof(ApiTokenForm.SiteIds), sites.Count == 0
                ? "Choose at least one site the token may reach."
                : "Choose only active sites of your provider."));
        }

        var permissions = form.Permissions.Aggregate(ApiPermissions.None, (all, one) => all | one);
        if (permissions == ApiPermissions.None)
        {
            problems.Add(new FieldProblem(nameof(ApiTokenForm.Permissions), "Choose what the token may do: send packs, read the recovery position, or both."));
        }

        if (form.ExpiresOn is not { } expiresOn || expiresOn <= Today || expiresOn > LatestExpiry)
        {
            problems.Add(new FieldProblem(nameof(ApiTokenForm.ExpiresOn), $"Enter an expiry date after today and no later than {LatestExpiry.ToBritishDate()}."));
        }

        if (problems.Count > 0)
        {
            return Outcome<IssuedApiToken>.Refused(problems);
        }

        var secret = ApiTokenAuthentication.NewSecret();
        var token = new ApiToken(
            providerId, name, ApiTokenAuthentication.HashOf(secret), secret[..(ApiTokenAuthentication.SecretPrefix.Length + 6)], permissions,
            sites.Select(s => s.Id), new DateTimeOffset(form.ExpiresOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), _clock.GetUtcNow());
        _db.ApiTokens.Add(token);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<IssuedApiToken>.Of(new IssuedApiToken(
            token.Name, secret, ApiTokenForm.Describe(permissions), [.. sites.OrderBy(s => s.Name).Select(s => $"{s.Name} ({s.Code})")], token.ExpiresAt));
    }
}
