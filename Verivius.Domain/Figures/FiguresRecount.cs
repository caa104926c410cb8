using Verivius.Domain.Common;

namespace Verivius.Domain.Figures;

/// <summary>
/// A recount of the kept monthly figures from the records that found kept months differing from what the
/// records give, and replaced them (after a restore or a fault, say). The figures themselves stay out of
/// the change history, being counted from records it already holds; this record goes into it, so the
/// history shows who changed the board's figures and when although no record changed, and every instance
/// showing figures computed before the recount, which keys them by the history's head, computes them again.
/// </summary>
public sealed class FiguresRecount : Entity
{
    private FiguresRecount()
    {
    }

    public FiguresRecount(int sitesCounted, int monthsReplaced)
    {
        SitesCounted = sitesCounted;
        MonthsReplaced = monthsReplaced;
    }

    public int SitesCounted { get; private set; }

    /// <summary>Kept site-months that differed from the records' count and were replaced by it.</summary>
    public int MonthsReplaced { get; private set; }
}
