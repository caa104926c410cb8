namespace Verivius.Web.Features.Admin.Users;

public sealed class UserRowVm
{
    public string Id { get; init; } = "";

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public IReadOnlyList<string> Roles { get; init; } = [];

    public int SiteCount { get; init; }

    public bool IsDisabled { get; init; }

    public bool IsLockedOut { get; init; }

    public bool MustChangePassword { get; init; }
}
