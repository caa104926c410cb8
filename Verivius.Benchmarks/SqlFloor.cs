using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Verivius.Benchmarks;

/// <summary>
/// The floor for the provider view: the same aggregates written by hand — each active site's figures,
/// every open risk with its challenges, the unsupported assurance and the four trends — read into
/// plain values with no ORM in between. One text serves SQLite and PostgreSQL: the few functions the
/// two spell differently are written as <c>#name</c> and replaced, and on PostgreSQL the model's
/// mixed-case names are quoted.
/// </summary>
internal static partial class SqlFloor
{
    private const string Active = "'Open','Responded','Escalated'";

    /// <summary>Runs the four statements for the provider as at <paramref name="today"/>; returns how many rows came back.</summary>
    public static int Run(string connectionString, bool onPostgreSql, Guid providerId, DateOnly today, int supervisionDays)
    {
        using DbConnection connection = onPostgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        var first = new DateOnly(today.Year, today.Month, 1);
        var parameters = new Dictionary<string, object>
        {
            // SQLite keeps ids and days as text; PostgreSQL as uuid and date.
            ["@p"] = onPostgreSql ? providerId : providerId.ToString().ToUpperInvariant(),
            ["@today"] = today,
            ["@yearAgo"] = today.AddYears(-1),
            ["@since"] = today.AddDays(-supervisionDays),
            ["@firstPack"] = first.AddMonths(-12),
            ["@lastPack"] = first.AddMonths(-1),
            ["@trendFrom"] = first.AddMonths(-12),
            ["@trendTo"] = first,
        };
        if (!onPostgreSql)
        {
            foreach (var (name, value) in parameters.Where(p => p.Value is DateOnly).ToList())
            {
                parameters[name] = ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return new[] { SiteFigures, Risks, Unsupported, TrendSeries }.Sum(sql => Rows(connection, InDialect(sql, onPostgreSql), parameters));
    }

    private static string InDialect(string sql, bool onPostgreSql) => onPostgreSql
        ? QuotedName().Replace(sql, m => m.Value.StartsWith('\'') ? m.Value : '"' + m.Value + '"')
            .Replace("#periods", "string_agg(CAST(\"Period\" AS TEXT), ',')", StringComparison.Ordinal)
            .Replace("#newline", "chr(10)", StringComparison.Ordinal)
            .Replace("#position", "strpos", StringComparison.Ordinal)
            .Replace("#month_after_period", "(\"Period\" + interval '1 month')", StringComparison.Ordinal)
        : sql.Replace("#periods", "group_concat(Period, ',')", StringComparison.Ordinal)
            .Replace("#newline", "char(10)", StringComparison.Ordinal)
            .Replace("#position", "instr", StringComparison.Ordinal)
            .Replace("#month_after_period", "date(Period, '+1 month')", StringComparison.Ordinal);

    private static int Rows(DbConnection connection, string sql, Dictionary<string, object> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Key, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        using var reader = command.ExecuteReader();
        var rows = 0;
        var values = new object[64];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    /// <summary>A string literal (left alone) or a mixed-case name of the model (quoted on PostgreSQL); SQL's own words are in capitals.</summary>
    [GeneratedRegex(@"'[^']*'|\b[A-Z][a-z]\w*\b")]
    private static partial Regex QuotedName();

    private const string SiteFigures = $"""
        WITH s AS (SELECT Id, Code, Name FROM Sites WHERE ProviderId = @p AND IsActive = TRUE),
        overdue AS (
            SELECT SiteId, COUNT(*) AS n FROM Actions
            WHERE SiteId IN (SELECT Id FROM s) AND Details_DueOn < @today AND (Details_Status <> 'Closed' OR Details_ClosedOn > @today)
            GROUP BY SiteId),
        late AS (
            SELECT SiteId, Key, Code FROM Challenges
            WHERE SiteId IN (SELECT Id FROM s) AND ConditionHolds = TRUE AND Code IN ('INC-NOTIFICATION-LATE', 'INC-NOTIFICATION-MISSING', 'INC-CANDOUR-LATE')),
        inc AS (
            SELECT i.SiteId,
                SUM(CASE WHEN i.Details_CqcNotifiable THEN 1 ELSE 0 END) AS notifiable,
                SUM(CASE WHEN i.Details_CqcNotifiable AND EXISTS (SELECT 1 FROM late l WHERE l.SiteId = i.SiteId AND l.Code <> 'INC-CANDOUR-LATE' AND l.Key = 'Incidents:' || i.Ref) THEN 1 ELSE 0 END) AS notified_late,
                SUM(CASE WHEN i.Details_CandourApplies THEN 1 ELSE 0 END) AS candour,
                SUM(CASE WHEN i.Details_CandourApplies AND EXISTS (SELECT 1 FROM late l WHERE l.SiteId = i.SiteId AND l.Code = 'INC-CANDOUR-LATE' AND l.Key = 'Incidents:' || i.Ref) THEN 1 ELSE 0 END) AS candour_late
            FROM Incidents i
            WHERE i.SiteId IN (SELECT Id FROM s) AND i.Details_OccurredOn > @yearAgo AND i.Details_OccurredOn <= @today
            GROUP BY i.SiteId),
        matrix AS (SELECT SiteId, MAX(Period) AS period FROM Training WHERE SiteId IN (SELECT Id FROM s) AND Period <= @today GROUP BY SiteId),
        trn AS (
            SELECT t.SiteId, SUM(CASE WHEN t.Details_Mandatory THEN 1 ELSE 0 END) AS mandatory,
                SUM(CASE WHEN t.Details_Mandatory AND t.Details_CompletedOn IS NOT NULL AND (t.Details_ExpiresOn IS NULL OR t.Details_ExpiresOn >= @today) THEN 1 ELSE 0 END) AS in_date
            FROM Training t JOIN matrix m ON m.SiteId = t.SiteId AND m.period = t.Period
            GROUP BY t.SiteId),
        record AS (SELECT SiteId, MAX(Period) AS period FROM Supervision WHERE SiteId IN (SELECT Id FROM s) AND Period <= @today GROUP BY SiteId),
        sup AS (
            SELECT x.SiteId, COUNT(DISTINCT x.Details_StaffRef) AS staff,
                COUNT(DISTINCT CASE WHEN x.Details_Type = 'Supervision' AND x.Details_HeldOn >= @since AND x.Details_HeldOn <= @today THEN x.Details_StaffRef END) AS supervised
            FROM Supervision x JOIN record r ON r.SiteId = x.SiteId AND r.period = x.Period
            GROUP BY x.SiteId),
        received AS (
            SELECT SiteId, #periods AS periods FROM Packs
            WHERE SiteId IN (SELECT Id FROM s) AND Period >= @firstPack AND Period <= @lastPack
            GROUP BY SiteId)
        SELECT s.Id, s.Code, s.Name, COALESCE(o.n, 0), COALESCE(inc.notifiable, 0), COALESCE(inc.notified_late, 0), COALESCE(inc.candour, 0), COALESCE(inc.candour_late, 0),
            COALESCE(trn.mandatory, 0), COALESCE(trn.in_date, 0), COALESCE(sup.staff, 0), COALESCE(sup.supervised, 0), received.periods
        FROM s
        LEFT JOIN overdue o ON o.SiteId = s.Id
        LEFT JOIN inc ON inc.SiteId = s.Id
        LEFT JOIN trn ON trn.SiteId = s.Id
        LEFT JOIN sup ON sup.SiteId = s.Id
        LEFT JOIN received ON received.SiteId = s.Id
        """;

    private const string Risks = $"""
        WITH open_challenges AS (
            SELECT c.SiteId, c.Severity, #newline || c.Subjects || #newline AS subjects FROM Challenges c
            JOIN Sites s ON s.Id = c.SiteId
            WHERE s.ProviderId = @p AND s.IsActive = TRUE AND c.Status IN ({Active}) AND c.Subjects LIKE '%Recovery:%')
        SELECT s.Code, s.Name, r.Details_Area, r.Ref, r.Details_Risk, r.Details_CurrentActionRef, r.Details_Owner, r.Details_ReviewOn, r.Details_Trend,
            (SELECT COUNT(*) FROM open_challenges c WHERE c.SiteId = r.SiteId AND #position(c.subjects, #newline || 'Recovery:' || r.Ref || #newline) > 0),
            (SELECT COUNT(*) FROM open_challenges c WHERE c.SiteId = r.SiteId AND c.Severity = 'High' AND #position(c.subjects, #newline || 'Recovery:' || r.Ref || #newline) > 0)
        FROM RecoveryRisks r JOIN Sites s ON s.Id = r.SiteId
        WHERE s.ProviderId = @p AND s.IsActive = TRUE AND r.Details_Trend <> 'Resolved'
        """;

    private const string Unsupported = $"""
        SELECT c.Id, c.Code, s.Code, s.Name, c.Severity, c.Status, c.Finding, c.OpenedOn, c.UpdatedOn, c.EscalatedOn
        FROM Challenges c JOIN Sites s ON s.Id = c.SiteId
        WHERE s.ProviderId = @p AND s.IsActive = TRUE AND c.Status IN ({Active}) AND c.Code LIKE 'ASSUR-%'
        ORDER BY CASE c.Severity WHEN 'High' THEN 0 WHEN 'Medium' THEN 1 ELSE 2 END, c.OpenedOn
        """;

    private const string TrendSeries = """
        WITH s AS (SELECT Id FROM Sites WHERE ProviderId = @p AND IsActive = TRUE)
        SELECT 'incidents', substr(CAST(Details_OccurredOn AS TEXT), 1, 7), COUNT(*), 0 FROM Incidents
            WHERE SiteId IN (SELECT Id FROM s) AND Details_OccurredOn >= @trendFrom AND Details_OccurredOn < @trendTo GROUP BY 2
        UNION ALL
        SELECT 'actions', substr(CAST(Details_DueOn AS TEXT), 1, 7), COUNT(*), SUM(CASE WHEN Details_Status = 'Closed' AND Details_ClosedOn <= Details_DueOn THEN 1 ELSE 0 END) FROM Actions
            WHERE SiteId IN (SELECT Id FROM s) AND Details_DueOn >= @trendFrom AND Details_DueOn < @trendTo GROUP BY 2
        UNION ALL
        SELECT 'training', substr(CAST(Period AS TEXT), 1, 7), COUNT(*), SUM(CASE WHEN Details_CompletedOn IS NOT NULL AND (Details_ExpiresOn IS NULL OR Details_ExpiresOn >= #month_after_period) THEN 1 ELSE 0 END) FROM Training
            WHERE SiteId IN (SELECT Id FROM s) AND Details_Mandatory AND Period >= @trendFrom AND Period < @trendTo GROUP BY 2
        UNION ALL
        SELECT 'unfilled', substr(CAST(Details_WeekStarting AS TEXT), 1, 7), SUM(Details_ShiftsPlanned), SUM(Details_ShiftsUnfilled) FROM Staffing
            WHERE SiteId IN (SELECT Id FROM s) AND Details_WeekStarting >= @trendFrom AND Details_WeekStarting < @trendTo GROUP BY 2
        """;
}
