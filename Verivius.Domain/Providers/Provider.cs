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

    /// <summary>
    /// The user the provider names to approve its outward documents beside its nominated individual
    /// (a quality director, say); none when only the nominated individual approves.
    /// </summary>
    public string? DocumentApproverId { get; private set; }

    /// <summary>
    /// The version of CQC's framework the provider's readiness pages, challenges and documents use; none
    /// for whichever version is current, so a provider preparing for a draft can choose it ahead of time.
    /// </summary>
    public string? FrameworkVersion { get; private set; }

    public void Rename(string name) => Name = ValidName(name);

    /// <summary>Uses the given version from now on, or with none follows the current one; whether it is held is the caller's rule.</summary>
    public void UseFramework(string? version) => FrameworkVersion = string.IsNullOrWhiteSpace(version) ? null : version.Trim();

    /// <summary>Names the approver, or with none leaves approval to the nominated individual alone; who may be named is the caller's rule.</summary>
    public void NameDocumentApprover(string? userId) => DocumentApproverId = string.IsNullOrWhiteSpace(userId) ? null : userId;

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
