using Verivius.Domain.Common;

namespace Verivius.Domain.Documents;

/// <summary>
/// When one kind of document is written for a provider: a Quartz cron expression (seconds first) in
/// the portal's time zone. Each run writes the documents for the month before the one it runs in.
/// </summary>
public sealed class DocumentSchedule : Entity
{
    public const int MaxCronLength = 120;

    private DocumentSchedule()
    {
    }

    public DocumentSchedule(Guid providerId, DocumentKind kind, string cron, bool enabled = true)
    {
        ProviderId = providerId;
        Kind = kind;
        Change(cron, enabled);
    }

    public Guid ProviderId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string Cron { get; private set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>
    /// The defaults: the board pack at 06:00 on the 3rd; site packs at 06:00 on the 11th, the day
    /// after the upload deadline (a month's pack is due within ten days of its end, PROV-PACK-MISSING);
    /// commissioner updates at 07:00 on the 12th, once the site packs are in.
    /// </summary>
    public static string DefaultCron(DocumentKind kind) => kind switch
    {
        DocumentKind.BoardPack => "0 0 6 3 * ?",
        DocumentKind.SitePack => "0 0 6 11 * ?",
        DocumentKind.CommissionerUpdate => "0 0 7 12 * ?",
        _ => throw new DomainException($"{DocumentKinds.Title(kind)}s are not written on a schedule."),
    };

    public void Change(string cron, bool enabled)
    {
        var trimmed = cron?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxCronLength)
        {
            throw new DomainException($"A schedule needs a cron expression of at most {MaxCronLength} characters.");
        }

        Cron = trimmed;
        Enabled = enabled;
    }
}
