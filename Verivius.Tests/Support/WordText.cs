using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Verivius.Tests.Support;

/// <summary>
/// An element's text as a reader sees it: a hyphen that does not break the line is a hyphen (the SDK's
/// InnerText drops it), a line break a space.
/// </summary>
public static class WordText
{
    public static string Of(OpenXmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Concat(element.Descendants().Select(e => e switch
        {
            Text text => text.Text,
            NoBreakHyphen => "-",
            Break or TabChar => " ",
            _ => "",
        }));
    }
}
