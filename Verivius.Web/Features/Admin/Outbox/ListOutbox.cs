using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Outbox;

/// <summary>The provider's messages, newest first, a page at a time, with how each delivery went.</summary>
public sealed record ListOutboxQuery(int Page) : IQuery<OutboxVm>;

/// <param name="Delivery">How this instance delivers mail (pickup folder, SMTP or off).</param>
public sealed record OutboxVm(IReadOnlyList<OutboxRowVm> Messages, int Page, int Pages, int Total, IReadOnlyDictionary<MailStatus, int> ByStatus, MailDelivery Delivery);

public sealed record OutboxRowVm(DateTimeOffset QueuedAt, string Kind, string Recipient, string Subject, MailStatus Status, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt);

internal sealed class ListOutboxHandler : IQueryHandler<ListOutboxQuery, OutboxVm>
{
    private const int PageSize = 50;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly MailOptions _mail;

    public ListOutboxHandler(VeriviusDbContext db, SiteAccess access, MailOptions mail)
    {
        _db = db;
        _access = access;
        _mail = mail;
    }

    public async ValueTask<OutboxVm> Handle(ListOutboxQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var mine = _db.Outbox.AsNoTracking().Where(m => m.ProviderId == providerId);
        var byStatus = await mine.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var total = byStatus.Values.Sum();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await mine.OrderByDescending(m => m.QueuedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRowVm(m.QueuedAt, m.Kind, m.Recipient, m.Subject, m.Status, m.Attempts, m.LastError, m.SentAt, m.NextAttemptAt))
            .ToListAsync(cancellationToken);
        return new OutboxVm(rows, page, pages, total, byStatus, _mail.Delivery);
    }
}
