namespace Verivius.Domain.Access;

/// <summary>The four kinds of people who use Verivius. The names are stored, so they never change.</summary>
public static class Roles
{
    public const string ProviderAdmin = "ProviderAdmin";
    public const string NominatedIndividual = "NominatedIndividual";
    public const string RegisteredManager = "RegisteredManager";
    public const string Commissioner = "Commissioner";

    public static IReadOnlyList<string> All { get; } = [ProviderAdmin, NominatedIndividual, RegisteredManager, Commissioner];

    public static string ValidList { get; } = string.Join(", ", All);

    /// <summary>Finds the canonical role name for any casing of it.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every role but the commissioner works inside one provider.</summary>
    public static bool BelongsToProvider(string role) => role != Commissioner;

    public static string Describe(string role) => role switch
    {
        ProviderAdmin => "Provider admin",
        NominatedIndividual => "Nominated individual",
        RegisteredManager => "Registered manager",
        Commissioner => "Commissioner",
        _ => role,
    };
}
