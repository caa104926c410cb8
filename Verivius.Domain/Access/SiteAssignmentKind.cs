namespace Verivius.Domain.Access;

public enum SiteAssignmentKind
{
    /// <summary>A registered manager runs the site and keeps its records.</summary>
    Manages,

    /// <summary>A commissioner buys care from the site and may read its recovery position.</summary>
    Commissions,
}
