using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using ScottPlot;

namespace Verivius.Infrastructure.Charts;

/// <summary>One month of a trend: its label and its value, or none when there was nothing to measure.</summary>
public sealed record TrendPoint(string Label, double? Value);

/// <summary>
/// A trend over months drawn with ScottPlot: as SVG for the pages (titled and described for screen
/// readers, who also get the numbers as a table beside it) and as PNG for the Word packs. Counts are
/// bars; rates are a line on an axis fitted to them, so that a rate rising from 9.5% to 18% looks like
/// the rise it is. A month with no value is left out, not drawn as zero; a chart with none says so.
/// The SVG scales to the width of whatever holds it.
/// </summary>
public static class TrendChart
{
    public const int Width = 560;
    public const int Height = 260;

    /// <summary>Drawing is most of a page's time; the same figures always make the same drawing, so it is kept.</summary>
    private const int KeptDrawings = 2000;

    private static readonly ConcurrentDictionary<string, string> Drawn = new(StringComparer.Ordinal);

    public static string Svg(string title, string description, IReadOnlyList<TrendPoint> points, bool isPercent)
    {
        var key = string.Join('\u001f', new[] { title, description, isPercent ? "%" : "#" }.Concat(points.Select(p => p.Label + "=" + p.Value?.ToString("R", CultureInfo.InvariantCulture))));
        if (Drawn.TryGetValue(key, out var kept))
        {
            return kept;
        }

        if (Drawn.Count >= KeptDrawings)
        {
            Drawn.Clear();
        }

        return Drawn[key] = DrawSvg(title, description, points, isPercent);
    }

    private static string DrawSvg(string title, string description, IReadOnlyList<TrendPoint> points, bool isPercent)
    {
        var svg = Draw(title, points, isPercent).GetSvgXml(Width, Height);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var tagEnd = svg.IndexOf('>', open);
        var tag = svg[open..tagEnd]
            .Replace($"width=\"{Width}\"", "width=\"100%\"", StringComparison.Ordinal)
            .Replace($"height=\"{Height}\"", "", StringComparison.Ordinal);
        if (!tag.Contains("viewBox", StringComparison.Ordinal))
        {
            tag += $" viewBox=\"0 0 {Width} {Height}\"";
        }

        return tag
            + " role=\"img\" focusable=\"false\">"
            + $"<title>{SecurityElement.Escape(title)}</title><desc>{SecurityElement.Escape(description)}</desc>"
            + svg[(tagEnd + 1)..];
    }

    public static byte[] Png(string title, IReadOnlyList<TrendPoint> points, bool isPercent) =>
        Draw(title, points, isPercent).GetImageBytes(Width * 2, Height * 2, ImageFormat.Png);

    private static Plot Draw(string title, IReadOnlyList<TrendPoint> points, bool isPercent)
    {
        var plot = new Plot();
        plot.Title(title, size: 14);
        var measured = points.Select((p, i) => (Position: (double)i, p.Value)).Where(p => p.Value is not null).ToList();
        if (isPercent)
        {
            var line = plot.Add.Scatter(measured.Select(p => p.Position).ToArray(), measured.Select(p => p.Value!.Value).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 6;
            var (low, high) = PercentAxis([.. measured.Select(p => p.Value!.Value)]);
            plot.Axes.SetLimitsY(low, high);
            plot.Axes.Left.Label.Text = "%";
        }
        else
        {
            plot.Add.Bars(measured.Select(p => new Bar { Position = p.Position, Value = p.Value!.Value }).ToList());
            plot.Axes.Margins(bottom: 0);
        }

        if (measured.Count == 0)
        {
            plot.Add.Annotation("No data for these months", Alignment.MiddleCenter);
        }

        plot.Axes.SetLimitsX(-0.6, points.Count - 0.4);
        plot.Axes.Bottom.SetTicks([.. points.Select((_, i) => (double)i)], [.. points.Select(p => p.Label)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        return plot;
    }

    /// <summary>
    /// The span of a rate's axis: its values with room above and below, on whole multiples of five,
    /// at least ten points tall and never beyond 0–100%.
    /// </summary>
    public static (double Low, double High) PercentAxis(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 100);
        }

        var (min, max) = (values.Min(), values.Max());
        var room = Math.Max(2, (max - min) * 0.2);
        var low = Math.Max(0, Math.Floor((min - room) / 5) * 5);
        var high = Math.Min(100, Math.Ceiling((max + room) / 5) * 5);
        return high - low >= 10 ? (low, high) : high >= 100 ? (high - 10, high) : (low, low + 10);
    }

    /// <summary>A value as the data table shows it.</summary>
    public static string Format(double? value, bool isPercent) =>
        value is not { } v ? "no data" : isPercent ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : v.ToString("0", CultureInfo.InvariantCulture);
}
