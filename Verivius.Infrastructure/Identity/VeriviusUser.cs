using Microsoft.AspNetCore.Identity;

namespace Verivius.Infrastructure.Identity;

/// <summary>A person who signs in to Verivius.</summary>
public sealed class VeriviusUser : IdentityUser
{
    public const int MaxNameLength = 200;

    /// <summary>The provider the person works for; null for a commissioner, who may span providers.</summary>
    public Guid? ProviderId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The commissioning body a commissioner works for (a council, an ICB).</summary>
    public string? Organisation { get; set; }

    /// <summary>Set when an admin issues a one-time password; cleared when the person chooses their own.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsDisabled { get; set; }
}
