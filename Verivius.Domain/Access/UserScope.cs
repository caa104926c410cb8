namespace Verivius.Domain.Access;

/// <summary>
/// What one signed-in person may reach: their roles, their provider (none for a commissioner) and the
/// sites tied to them. Built once per request from the database and asked every access question.
/// </summary>
public sealed record UserScope(
    string UserId,
    IReadOnlySet<string> Roles,
    Guid? ProviderId,
    IReadOnlySet<Guid> ManagedSiteIds,
    IReadOnlySet<Guid> CommissionedSiteIds)
{
    public static UserScope Nobody { get; } = new("", new HashSet<string>(), null, new HashSet<Guid>(), new HashSet<Guid>());

    /// <summary>
    /// An operator at the command line, who already holds the database's connection string: the verbs
    /// that act as an operator (create a provider, a user) are not limited to one provider.
    /// </summary>
    public static UserScope Operator { get; } = new("", new HashSet<string>(), null, new HashSet<Guid>(), new HashSet<Guid>()) { IsOperator = true };

    /// <summary>
    /// A care system's API token acts as the manager of exactly the sites it names, of its own provider,
    /// so every access rule a registered manager meets applies to it too. What it may do there (send
    /// packs, read the recovery position) is checked by the API before anything reaches a site.
    /// </summary>
    public static UserScope ForApiToken(Guid providerId, IReadOnlySet<Guid> siteIds) =>
        new("", new HashSet<string> { Access.Roles.RegisteredManager }, providerId, siteIds, new HashSet<Guid>());

    public bool IsOperator { get; private init; }

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The same person without the sites they commission: what they may see as part of a provider.</summary>
    public UserScope WithoutCommissioning() => this with { CommissionedSiteIds = new HashSet<Guid>() };

    /// <summary>Provider admins and nominated individuals see every site of their own provider.</summary>
    public bool SeesWholeProvider => ProviderId is not null && (IsIn(Access.Roles.ProviderAdmin) || IsIn(Access.Roles.NominatedIndividual));
}
