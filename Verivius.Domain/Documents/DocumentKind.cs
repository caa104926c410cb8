namespace Verivius.Domain.Documents;

/// <summary>The governance documents Verivius writes.</summary>
public enum DocumentKind
{
    /// <summary>Provider-wide, for the nominated individual and the board.</summary>
    BoardPack,

    /// <summary>One site, one month, for its registered manager.</summary>
    SitePack,

    /// <summary>The recovery position of the sites granted to one commissioner; no personal references.</summary>
    CommissionerUpdate,

    /// <summary>The trace of one month's governance trail and its gaps.</summary>
    TrailAuditReport,

    /// <summary>The minutes of one provider oversight meeting: attendees, decisions on challenges, actions agreed.</summary>
    OversightMinutes,
}

/// <summary>How each kind is named on pages, in file names and at the command line.</summary>
public static class DocumentKinds
{
    /// <summary>The kinds the schedule writes, in the order a month produces them.</summary>
    public static IReadOnlyList<DocumentKind> Scheduled { get; } = [DocumentKind.BoardPack, DocumentKind.SitePack, DocumentKind.CommissionerUpdate];

    /// <summary>
    /// The kinds read outside the management of the sites — by the board, by a commissioner — which the
    /// nominated individual approves before anyone else sees them.
    /// </summary>
    public static bool NeedsApproval(DocumentKind kind) => kind is DocumentKind.BoardPack or DocumentKind.CommissionerUpdate or DocumentKind.OversightMinutes;

    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.BoardPack => "Board pack",
        DocumentKind.SitePack => "Site governance pack",
        DocumentKind.CommissionerUpdate => "Commissioner recovery update",
        DocumentKind.TrailAuditReport => "Trail audit report",
        DocumentKind.OversightMinutes => "Oversight meeting minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The command-line and file-name form: <c>board-pack</c>, <c>site-pack</c>, …</summary>
    public static string Slug(DocumentKind kind) => kind switch
    {
        DocumentKind.BoardPack => "board-pack",
        DocumentKind.SitePack => "site-pack",
        DocumentKind.CommissionerUpdate => "commissioner-update",
        DocumentKind.TrailAuditReport => "trail-audit",
        DocumentKind.OversightMinutes => "oversight-minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out DocumentKind kind)
    {
        foreach (var candidate in Enum.GetValues<DocumentKind>())
        {
            if (string.Equals(text?.Trim(), Slug(candidate), StringComparison.OrdinalIgnoreCase) || string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
