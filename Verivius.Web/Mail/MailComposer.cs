using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Mail;

/// <summary>
/// Puts a message in the outbox: written from the Razor template as HTML, with its plain-text
/// alternative, added to the same unit of work as the event that causes it so both are saved or
/// neither; only if its recipient wants its kind. With mail off (<c>Mail:Delivery</c> = <c>Off</c>)
/// nothing is added.
/// </summary>
internal sealed class MailComposer
{
    private const string Template = "~/Mail/Message.cshtml";

    private readonly IRazorViewEngine _views;
    private readonly ITempDataProvider _tempData;
    private readonly IServiceProvider _services;
    private readonly MailOptions _options;
    private readonly TimeProvider _clock;
    private readonly UnsubscribeLinks _unsubscribe;

    public MailComposer(IRazorViewEngine views, ITempDataProvider tempData, IServiceProvider services, MailOptions options, TimeProvider clock, UnsubscribeLinks unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _views = views;
        _tempData = tempData;
        _services = services;
        _options = options;
        _clock = clock;
    }

    /// <summary>An address on the portal for a message's link.</summary>
    public Uri Link(string path) => _options.Link(path);

    /// <summary>
    /// Adds the message unless its recipient has turned its kind off; one they may turn off carries
    /// the signed link that does so. Whether it was added.
    /// </summary>
    /// <param name="onceKey">Set for a reminder or digest: the same key asked for again adds nothing.</param>
    /// <param name="attachDocumentId">A published document to send with it.</param>
    public async Task<bool> AddAsync(
        VeriviusDbContext db, Guid? providerId, string kind, MailRecipient to, MailMessageVm message, CancellationToken cancellationToken, string? onceKey = null, Guid? attachDocumentId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (_options.Delivery == MailDelivery.Off
            || (onceKey is not null && await db.Outbox.AnyAsync(m => m.OnceKey == onceKey, cancellationToken))
            || !(await ChoicesOfAsync(db, to.UserId, cancellationToken)).Wants(kind))
        {
            return false;
        }

        var unsubscribe = MailKinds.Urgent.Contains(kind) ? null : _unsubscribe.For(to.UserId, kind);
        message = message with { Unsubscribe = unsubscribe, Preferences = Link("/account/mail") };
        var mail = new OutboundMail(providerId, kind, to.Email, message.Subject, await RenderAsync(message), message.AsText(), _clock.GetUtcNow(), onceKey);
        if (unsubscribe is not null)
        {
            mail.OffersUnsubscribe(unsubscribe);
        }

        if (attachDocumentId is { } documentId)
        {
            mail.Attaches(documentId);
        }

        await db.Outbox.AddAsync(mail, cancellationToken);
        return true;
    }

    /// <summary>What a person has chosen to get; the defaults if they have chosen nothing.</summary>
    public static async Task<MailChoices> ChoicesOfAsync(VeriviusDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.MailChoices.SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken) ?? new MailChoices(userId);

    private async Task<string> RenderAsync(MailMessageVm message)
    {
        // Outside a page request (a scheduled job) there is no HttpContext; the template needs only the services.
        var http = new DefaultHttpContext { RequestServices = _services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = _views.GetView(executingFilePath: null, viewPath: Template, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The mail template {Template} is missing.");
        }

        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<MailMessageVm>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = message };
        var context = new ViewContext(action, found.View, data, new TempDataDictionary(http, _tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
