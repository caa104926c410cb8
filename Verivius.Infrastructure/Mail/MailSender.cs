using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Verivius.Domain.Mail;

namespace Verivius.Infrastructure.Mail;

/// <summary>How the portal's messages leave it: written as .eml files to a folder (the default, no server needed), over SMTP, or not at all.</summary>
public enum MailDelivery
{
    Pickup,
    Smtp,
    Off,
}

/// <summary>
/// The <c>Mail</c> settings: how messages are delivered, from whom, and the portal's own address for
/// the links they carry. SMTP credentials come from configuration or user secrets, never the repository.
/// </summary>
public sealed record MailOptions(MailDelivery Delivery, string PickupFolder, string From, Uri PortalUrl, string SmtpHost, int SmtpPort, SecureSocketOptions SmtpSecurity, string? SmtpUserName, string? SmtpPassword)
{
    public static MailOptions Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mail = configuration.GetSection("Mail");
        var delivery = Enum.TryParse<MailDelivery>(mail["Delivery"], ignoreCase: true, out var d) ? d
            : mail["Delivery"] is { Length: > 0 } unknown ? throw new InvalidOperationException($"Mail:Delivery is \"{unknown}\"; use Pickup, Smtp or Off.")
            : MailDelivery.Pickup;
        var security = mail["Smtp:Security"] switch
        {
            null or "" or "StartTls" => SecureSocketOptions.StartTls,
            "Tls" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            var other => throw new InvalidOperationException($"Mail:Smtp:Security is \"{other}\"; use StartTls, Tls or None."),
        };
        var options = new MailOptions(
            delivery,
            Path.GetFullPath(mail["PickupFolder"] is { Length: > 0 } folder ? folder : Path.Combine("data", "mail"), contentRoot),
            mail["From"] is { Length: > 0 } from ? from : "Verivius <no-reply@verivius.invalid>",
            new Uri(mail["PortalUrl"] is { Length: > 0 } url ? url : "http://localhost:5080"),
            mail["Smtp:Host"] ?? "",
            int.TryParse(mail["Smtp:Port"], out var port) ? port : 587,
            security,
            mail["Smtp:UserName"],
            mail["Smtp:Password"]);
        if (delivery == MailDelivery.Smtp && options.SmtpHost.Length == 0)
        {
            throw new InvalidOperationException("Mail:Delivery is Smtp but Mail:Smtp:Host is not set.");
        }

        return options;
    }

    /// <summary>An address on the portal, for a message's link.</summary>
    public Uri Link(string path) => new(PortalUrl, path);
}

/// <summary>A file sent with a message: a published document.</summary>
public sealed record MailAttachment(string FileName, byte[] Content, string ContentType);

/// <summary>Hands one message to the mail server (MailKit), or writes it to the pickup folder, as HTML with a plain-text alternative.</summary>
public sealed class MailSender
{
    private readonly MailOptions _options;

    public MailSender(MailOptions options) => _options = options;

    public MailDelivery Delivery => _options.Delivery;

    /// <param name="attachment">The document the message carries, read from storage by the caller, if any.</param>
    public async Task SendAsync(OutboundMail mail, MailAttachment? attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Subject = mail.Subject;

        // The outbox row's id: a message seen twice by a mail system is recognisably the same one.
        message.MessageId = $"{mail.Id:N}@verivius";
        if (mail.UnsubscribeLink is { } unsubscribe)
        {
            // RFC 8058: a mail client's own "unsubscribe" button posts to the link with no further step.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
        if (attachment is not null)
        {
            await body.Attachments.AddAsync(attachment.FileName, new MemoryStream(attachment.Content), ContentType.Parse(attachment.ContentType), cancellationToken);
        }

        message.Body = body.ToMessageBody();
        switch (_options.Delivery)
        {
            case MailDelivery.Pickup:
                Directory.CreateDirectory(_options.PickupFolder);
                await message.WriteToAsync(Path.Combine(_options.PickupFolder, $"{mail.Id:N}.eml"), cancellationToken);
                break;
            case MailDelivery.Smtp:
                using (var client = new SmtpClient())
                {
                    await client.ConnectAsync(_options.SmtpHost, _options.SmtpPort, _options.SmtpSecurity, cancellationToken);
                    if (!string.IsNullOrEmpty(_options.SmtpUserName))
                    {
                        await client.AuthenticateAsync(_options.SmtpUserName, _options.SmtpPassword ?? "", cancellationToken);
                    }

                    await client.SendAsync(message, cancellationToken);
                    await client.DisconnectAsync(quit: true, cancellationToken);
                }

                break;
            default:
                throw new InvalidOperationException("Mail is off (Mail:Delivery = Off): nothing is sent.");
        }
    }
}
