namespace Verivius.Domain.Access;

/// <summary>What a care system holding an API token may do. Stored by name, so the names never change.</summary>
[Flags]
public enum ApiPermissions
{
    None = 0,

    /// <summary>Send the monthly pack for its sites: previewed by default, imported when confirmed.</summary>
    SendPacks = 1,

    /// <summary>Read its sites' recovery position: the recovery map and the month's figures.</summary>
    ReadRecovery = 2,
}
