using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Common;

/// <summary>
/// How pages name the people who did things. What was done is stamped with the address a person signed
/// in with (or a process's own name: "document schedule", "demo data"), as the change log needs; a
/// page shows the person's display name instead, and a stamp that is no one's stays as it is.
/// </summary>
internal static class PeopleNames
{
    /// <summary>Looks up every stamp at once; the function it gives names one.</summary>
    public static async Task<Func<string, string>> ForAsync(VeriviusDbContext db, IEnumerable<string> stamps, CancellationToken cancellationToken)
    {
        var addresses = stamps.Where(s => s.Contains('@', StringComparison.Ordinal)).Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var names = addresses.Count == 0
            ? []
            : await db.Users.Where(u => addresses.Contains(u.NormalizedEmail!) && u.DisplayName != "")
                .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        return stamp => names.GetValueOrDefault(stamp.ToUpperInvariant(), stamp);
    }
}
