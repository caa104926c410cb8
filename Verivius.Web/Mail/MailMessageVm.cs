namespace Verivius.Web.Mail;

/// <summary>Who a message goes to: the person (whose choices it follows) and their address.</summary>
public sealed record MailRecipient(string UserId, string Email);

/// <summary>
/// One message in plain words: its paragraphs, one link to the page it is about, and why the person
/// gets it. The HTML body is written from it by the <c>Message</c> template and the text body
/// by <see cref="AsText"/>, so both say the same. It names sites, counts, dates and links, never a
/// member of staff or a person who uses a service.
/// </summary>
/// <param name="Unsubscribe">The signed link that turns this kind off, set by the composer for kinds a person may turn off.</param>
/// <param name="Preferences">The page where the person chooses what they get.</param>
public sealed record MailMessageVm(string Subject, IReadOnlyList<string> Paragraphs, string LinkText, Uri Link, string Why, Uri? Unsubscribe = null, Uri? Preferences = null)
{
    public string AsText() =>
        string.Join("\n\n", Paragraphs) + $"\n\n{LinkText}: {Link}\n\n-- \n{Why}\n"
        + (Unsubscribe is null ? "" : $"Stop these e-mails: {Unsubscribe}\n")
        + (Preferences is null ? "" : $"Choose what you get: {Preferences}\n");
}
