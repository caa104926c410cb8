namespace Verivius.Web.Features.Admin.Grants;

public sealed class GrantRowVm
{
    public Guid Id { get; init; }

    public string CommissionerEmail { get; init; } = "";

    public string? Organisation { get; init; }

    public string SiteCode { get; init; } = "";

    public string SiteName { get; init; } = "";

    public DateTimeOffset GrantedAt { get; init; }
}
