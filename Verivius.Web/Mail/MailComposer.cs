using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Mail;

/// <summary>
/// Puts a message in the outbox: written from the Razor template as HTML, with its plain-text
/// alternative, added to the same unit of work as the event that causes it so both are saved or
/// neither. With mail off (<c>Mail:Delivery</c> = <c>Off</c>) nothing is added.
/// </summary>
internal sealed class MailComposer
{
    private const string Template = "~/Mail/Message.cshtml";

    private readonly IRazorViewEngine _views;
    private readonly ITempDataProvider _tempData;
    private readonly IServiceProvider _services;
    private readonly MailOptions _options;
    private readonly TimeProvider _clock;

    public MailComposer(IRazorViewEngine views, ITempDataProvider tempData, IServiceProvider services, MailOptions options, TimeProvider clock)
    {
        _views = views;
        _tempData = tempData;
        _services = services;
        _options = options;
        _clock = clock;
    }

    /// <summary>An address on the portal for a message's link.</summary>
    public Uri Link(string path) => _options.Link(path);

    public async Task AddAsync(VeriviusDbContext db, Guid? providerId, string kind, string recipient, MailMessageVm message, CancellationToken cancellationToken, string? onceKey = null)
    {
        if (_options.Delivery == MailDelivery.Off)
        {
            return;
        }

        var html = await RenderAsync(message);
        await db.Outbox.AddAsync(new OutboundMail(providerId, kind, recipient, message.Subject, html, message.AsText(), _clock.GetUtcNow(), onceKey), cancellationToken);
    }

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
