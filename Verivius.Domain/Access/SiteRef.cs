namespace Verivius.Domain.Access;

/// <summary>The facts about a site that decide who may see or change it.</summary>
public readonly record struct SiteRef(Guid SiteId, Guid ProviderId, bool IsActive);
