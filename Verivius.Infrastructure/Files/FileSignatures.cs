using System.IO.Compression;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// What a file really is, judged by its first bytes (and, for Office files, the package inside), never
/// by its name: an attachment must be a PDF, a Word or Excel document, a PNG or a JPEG.
/// </summary>
public static class FileSignatures
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static readonly Dictionary<string, string> ExtensionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
    };

    /// <summary>The content type the bytes prove, or null when they are none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }

        return content.StartsWith("PK\x03\x04"u8) ? OfficeKind(content.ToArray()) : null;
    }

    /// <summary>The problem with an attachment in plain words, or null when its content matches its name.</summary>
    public static string? Problem(string fileName, ReadOnlySpan<byte> content)
    {
        if (!ExtensionTypes.TryGetValue(Path.GetExtension(fileName), out var claimed))
        {
            return $"{fileName} is not a kind of file a pack takes; attach PDF, Word (.docx), Excel (.xlsx), PNG or JPEG files";
        }

        var actual = Sniff(content);
        return actual == claimed ? null : $"{fileName} is named as {Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant()} but its content is {(actual is null ? "not a file type a pack takes" : "a different kind of file")}; check it is the right file";
    }

    private static string? OfficeKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            return zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
