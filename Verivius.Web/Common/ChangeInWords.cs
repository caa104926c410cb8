using System.Globalization;
using System.Text.Json;
using Verivius.Domain.Common;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Common;

/// <summary>One change as a person reads it: when, who by name, which record in words, and what changed from what to what.</summary>
public sealed record ChangeVm(long Sequence, DateTimeOffset At, string Who, string What, string Change);

/// <summary>
/// The change log says what changed as the database holds it: a table name, a key, and the row's
/// values before and after as JSON. A page says it in words: "Site Cedar Lodge", "due on from
/// 6 September 2026 to 13 September 2026", leaving out the bookkeeping (keys, stamps, hashes) a person never sees.
/// </summary>
internal static class ChangeInWords
{
    private const int LongestValue = 80;

    /// <summary>What each table's rows are called where the table's own name would not do.</summary>
    private static readonly Dictionary<string, string> Records = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "User",
        ["AspNetUserRoles"] = "A user's role",
        ["Providers"] = "Provider",
        ["Sites"] = "Site",
        ["SiteAssignments"] = "A user's tie to a site",
        ["ChallengeSettings"] = "Challenge thresholds",
        ["RecoveryRisks"] = "Recovery risk",
        ["Actions"] = "Action",
        ["Staffing"] = "Staffing week",
        ["Training"] = "Training record",
        ["Supervision"] = "Supervision record",
        ["ApiTokens"] = "API token",
        ["ApiTokenSites"] = "An API token's site",
        ["ApiCalls"] = "API call",
        ["FiguresRecounts"] = "Recount of the monthly figures",
    };

    /// <summary>Fields that are the database's bookkeeping, never something a person changed.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "SecretHash",
    };

    /// <summary>The fields that name a record, in the order they are looked for.</summary>
    private static readonly string[] NamingFields = ["DisplayName", "Name", "Ref", "Title", "Path"];

    public static async Task<IReadOnlyList<ChangeVm>> DescribeAsync(VeriviusDbContext db, IReadOnlyList<ChangeLogEntry> entries, CancellationToken cancellationToken)
    {
        var who = await PeopleNames.ForAsync(db, entries.Select(e => e.Actor), cancellationToken);
        return [.. entries.Select(e => new ChangeVm(e.Sequence, e.At, who(e.Actor), What(e), Change(e)))];
    }

    /// <summary>The record in words: what it is, and its name where it has one ("Site Cedar Lodge", "Action ACT-12").</summary>
    private static string What(ChangeLogEntry entry)
    {
        var kind = Records.GetValueOrDefault(entry.Entity) ?? PlainWords.Of(entry.Entity);
        var values = Flattened(entry.After ?? entry.Before);
        var name = NamingFields.Select(values.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return name is null ? kind : $"{kind} {name}";
    }

    /// <summary>"Added", "Removed", or each field a person sees that changed, from what to what.</summary>
    private static string Change(ChangeLogEntry entry)
    {
        switch (entry.Operation)
        {
            case ChangeOperation.Insert:
                return "Added";
            case ChangeOperation.Delete:
                return "Removed";
        }

        var (before, after) = (Flattened(entry.Before), Flattened(entry.After));
        var changed = before.Keys.Union(after.Keys)
            .Where(field => before.GetValueOrDefault(field) != after.GetValueOrDefault(field))
            .ToList();
        var described = changed.Where(Shown).Select(field => $"{PlainWords.InSentence(field)} from {Value(before.GetValueOrDefault(field))} to {Value(after.GetValueOrDefault(field))}").ToList();
        if (changed.Contains("PasswordHash"))
        {
            described.Add("password set");
        }

        return described.Count == 0 ? "Changed (nothing a person sees)" : "Changed " + string.Join("; ", described);
    }

    private static bool Shown(string field) => !Bookkeeping.Contains(field) && field != "Id" && !field.EndsWith("Id", StringComparison.Ordinal);

    private static string Value(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "blank";
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToBritishDate();
        }

        if (value is "true" or "false")
        {
            return value == "true" ? "yes" : "no";
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        var words = PlainWords.Of(value);
        return words.Length > LongestValue ? $"“{words[..LongestValue]}…”" : $"“{words}”";
    }

    /// <summary>A row's values by field, the fields of an owned part (a record's details) alongside the row's own.</summary>
    private static Dictionary<string, string?> Flattened(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        Add(document.RootElement);
        return values;

        void Add(JsonElement row)
        {
            foreach (var field in row.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Object)
                {
                    Add(field.Value);
                }
                else
                {
                    values[field.Name] = field.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => field.Value.GetString(),
                        _ => field.Value.GetRawText(),
                    };
                }
            }
        }
    }
}
