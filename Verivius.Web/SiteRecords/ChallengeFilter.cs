using System.ComponentModel.DataAnnotations;
using Verivius.Domain.Challenges;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The register's filters, bound from the query string: code, severity, status (the active ones by
/// default), site, how long a challenge has been open, and the record it is about (<c>Recovery:R-1</c>).
/// </summary>
public sealed record ChallengeFilter(string? Code = null, string? Severity = null, string? Status = null, string? Site = null, [Range(1, 36_500)] int? OpenDays = null, string? Record = null)
{
    public const string ActiveStatuses = "active";
    public const string AllStatuses = "all";

    /// <summary>The ages the register offers, in days open.</summary>
    public static IReadOnlyList<int> Ages { get; } = [14, 30, 90, 180];

    /// <summary>Whether a status filter names something the register knows: active, all, or one status.</summary>
    public static bool IsKnownStatus(string? status) =>
        string.IsNullOrWhiteSpace(status)
        || status.Trim().ToLowerInvariant() is ActiveStatuses or AllStatuses
        || (Enum.TryParse<ChallengeStatus>(status.Trim(), true, out var one) && Enum.IsDefined(one) && !int.TryParse(status, out _));

    public static string KnownStatuses { get; } = $"{ActiveStatuses}, {AllStatuses}, " + string.Join(", ", Enum.GetNames<ChallengeStatus>());

    public string StatusOrDefault => string.IsNullOrWhiteSpace(Status) ? ActiveStatuses : Status.Trim();

    /// <summary>The record asked about, when the filter names one the way challenges name their subjects.</summary>
    public SubjectRef? RecordValue => string.IsNullOrWhiteSpace(Record) ? null : SubjectRef.Parse(Record.Trim());

    public ChallengeSeverity? SeverityValue => Enum.TryParse<ChallengeSeverity>(Severity, true, out var s) && Enum.IsDefined(s) ? s : null;

    /// <summary>The statuses to list, or null for every status.</summary>
    public IReadOnlyList<ChallengeStatus>? Statuses => StatusOrDefault.ToLowerInvariant() switch
    {
        AllStatuses => null,
        ActiveStatuses => ChallengeStatuses.Active,
        var named when Enum.TryParse<ChallengeStatus>(named, true, out var one) && Enum.IsDefined(one) => [one],
        _ => ChallengeStatuses.Active,
    };
}
