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

    public static string KeyOf(EntityEntry change) =>
        KeyOf(change.Metadata.FindPrimaryKey()!.Properties.ToDictionary(p => p.Name, p => change.Property(p.Name).CurrentValue));

    public static string KeyOf(Dictionary<string, object?> key) => JsonSerializer.Serialize(key, Json);

    public static string Of(EntityEntry change, bool original) =>
        JsonSerializer.Serialize(Values(change.Properties, change.ComplexProperties, original), Json);

    // A record's workbook fields live in a complex type (Details); they are kept nested under its name.
    private static SortedDictionary<string, object?> Values(IEnumerable<PropertyEntry> properties, IEnumerable<ComplexPropertyEntry> complexProperties, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties.Where(p => !Withheld.Contains(p.Metadata.Name)))
        {
            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        foreach (var complex in complexProperties)
        {
            values[complex.Metadata.Name] = Values(complex.Properties, complex.ComplexProperties, original);
        }

        return values;
    }
}
