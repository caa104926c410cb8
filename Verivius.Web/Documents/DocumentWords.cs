using System.Globalization;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;

namespace Verivius.Web.Documents;

/// <summary>How the documents put numbers, dates and trends into British English.</summary>
internal static class DocumentWords
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString("N0", British)} {noun}s";

    public static string Number(int n) => n.ToString("N0", British);

    public static string Date(DateOnly date) => GovernanceDocumentWriter.Date(date);

    public static string Month(DateOnly month) => month.ToBritishMonth();

    public static string ShortMonth(DateOnly month) => month.ToShortBritishMonth();

    public static string Trend(RiskTrend trend) => PlainWords.Of(trend);
}
