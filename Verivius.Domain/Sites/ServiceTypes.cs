namespace Verivius.Domain.Sites;

public static class ServiceTypes
{
    public static string ValidList { get; } = string.Join(", ", Enum.GetNames<ServiceType>());

    /// <summary>Reads a service type as people write it: any case, spaces and hyphens ignored.</summary>
    public static bool TryParse(string? text, out ServiceType serviceType)
    {
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out serviceType)
            && Enum.IsDefined(serviceType)
            && !int.TryParse(compact, out _);
    }
}
