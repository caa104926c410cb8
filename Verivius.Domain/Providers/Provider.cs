using Verivius.Domain.Common;

namespace Verivius.Domain.Providers;

/// <summary>A registered provider: the organisation that runs one or more sites.</summary>
public sealed class Provider : Entity
{
    public const int MaxNameLength = 200;

    private Provider()
    {
    }

    public Provider(string name)
    {
        Name = ValidName(name);
    }

    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = ValidName(name);

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("A provider needs a name.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException($"A provider name can be at most {MaxNameLength} characters.");
        }

        return trimmed;
    }
}
