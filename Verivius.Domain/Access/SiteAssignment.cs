using Verivius.Domain.Common;

namespace Verivius.Domain.Access;

/// <summary>A person's tie to one site: a registered manager's assignment or a commissioner's grant.</summary>
public sealed class SiteAssignment : Entity
{
    private SiteAssignment()
    {
    }

    public SiteAssignment(string userId, Guid siteId, SiteAssignmentKind kind)
    {
        UserId = userId;
        SiteId = siteId;
        Kind = kind;
    }

    public string UserId { get; private set; } = "";

    public Guid SiteId { get; private set; }

    public SiteAssignmentKind Kind { get; private set; }
}
