using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>One theme of an audit and whether it was met.</summary>
public sealed class AuditTheme : Entity
{
    private AuditTheme()
    {
    }

    public AuditTheme(Guid auditId, AuditThemeDetails details)
    {
        AuditId = auditId;
        Details = details;
    }

    public Guid AuditId { get; private set; }

    public AuditThemeDetails Details { get; private set; } = null!;
}

public sealed record AuditThemeDetails(string Theme, ThemeResult Result, AssuranceArea? Area);
