namespace Verivius.Web.Mail;

/// <summary>
/// One message in plain words: its paragraphs, one link to the page it is about, and why the person
/// gets it. The HTML body is written from it by the <c>Message</c> template and the text body
/// by <see cref="AsText"/>, so both say the same. It names sites, counts, dates and links, never a
/// member of staff or a person who uses a service.
/// </summary>
public sealed record MailMessageVm(string Subject, IReadOnlyList<string> Paragraphs, string LinkText, Uri Link, string Why)
{
    public string AsText() =>
        string.Join("\n\n", Paragraphs) + $"\n\n{LinkText}: {Link}\n\n-- \n{Why}\n";
}
