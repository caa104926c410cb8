using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Verivius.Infrastructure.History;

/// <summary>A record's key and values as JSON, the way the change log keeps them.</summary>
internal static class RecordSnapshot
{
    // Secrets of the sign-in system never belong in a readable log, whatever else of the user does.
    private static readonly HashSet<string> Withheld = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string KeyOf(EntityEntry change)
    {
        var key = change.Metadata.FindPrimaryKey()!.Properties
            .ToDictionary(p => p.Name, p => change.Property(p.Name).CurrentValue);
        return JsonSerializer.Serialize(key, Json);
    }

    public static string Of(EntityEntry change, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in change.Properties)
        {
            var name = property.Metadata.Name;
            if (!Withheld.Contains(name))
            {
                values[name] = original ? property.OriginalValue : property.CurrentValue;
            }
        }

        return JsonSerializer.Serialize(values, Json);
    }
}
