using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;

namespace Verivius.Infrastructure.Workbooks;

/// <summary>
/// Every part of an .xlsx read once with a plain streaming <see cref="XmlReader"/> before the OpenXml
/// SDK sees the file: no recursion, a bounded nesting depth and element count per part, no DTDs, and
/// no active content (macros, OLE objects, external links, data connections, DDE or formulas that
/// reach outside the workbook). The SDK builds element trees recursively, so a part nested a hundred
/// thousand deep would exhaust the stack of the whole portal; this pass refuses it first.
/// </summary>
public static partial class WorkbookInspection
{
    private const string WorkbookPart = "xl/workbook.xml";

    /// <summary>Parts that only exist to run, embed or fetch something: the workbook is refused whole.</summary>
    private static readonly (string Prefix, string What)[] ActiveParts =
    [
        ("xl/vbaProject.bin", "macros (a VBA project)"),
        ("xl/externalLinks/", "a link to another workbook"),
        ("xl/embeddings/", "an embedded object (OLE)"),
        ("xl/activeX/", "an ActiveX control"),
        ("xl/connections.xml", "a data connection"),
        ("xl/queryTables/", "a query table that fetches external data"),
        ("xl/macrosheets/", "an Excel 4.0 macro sheet"),
    ];

    /// <summary>Elements that embed or link to something outside the cells, wherever they appear.</summary>
    private static readonly Dictionary<string, string> ActiveElements = new(StringComparer.Ordinal)
    {
        ["oleObject"] = "an embedded or linked object (OLE)",
        ["oleObjects"] = "an embedded or linked object (OLE)",
        ["control"] = "an ActiveX control",
        ["externalReference"] = "a link to another workbook",
        ["ddeLink"] = "a DDE link to another program",
        ["oleLink"] = "an OLE link to another program",
    };

    /// <summary>Inspects the zip a seekable stream holds; throws <see cref="UnreadableWorkbookException"/> naming the part or cell.</summary>
    public static void Check(Stream file, WorkbookLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains(WorkbookPart))
        {
            throw new UnreadableWorkbookException(WhatItIs(names));
        }

        foreach (var name in names)
        {
            if (ActiveParts.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)) is { What: { } what })
            {
                throw new UnreadableWorkbookException($"The workbook contains {what} (part {name}), which Verivius refuses for safety. Copy the cells into a new workbook, save it as .xlsx and upload that.");
            }
        }

        var sheetNames = SheetNamesByPart(zip, limits);
        foreach (var entry in zip.Entries.Where(e => IsXml(e.FullName)))
        {
            InspectPart(entry, sheetNames.GetValueOrDefault(entry.FullName), limits);
        }
    }

    /// <summary>What a package without a workbook part is, in words its sender will recognise.</summary>
    private static string WhatItIs(HashSet<string> parts)
    {
        if (parts.Contains("word/document.xml"))
        {
            return "The file is a Word document, not an Excel workbook. Download the pack template, fill it in Excel and upload that.";
        }

        if (parts.Contains("ppt/presentation.xml"))
        {
            return "The file is a PowerPoint presentation, not an Excel workbook. Download the pack template, fill it in Excel and upload that.";
        }

        return parts.Contains("[Content_Types].xml")
            ? "The file is an Office package with no workbook in it, so it is not an Excel workbook (.xlsx). Save the pack from Excel as \"Excel Workbook (*.xlsx)\" and upload it again."
            : "The file is a zip archive, not an Excel workbook (.xlsx). Upload the workbook itself, not a folder of files zipped up.";
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each worksheet part's sheet name, so a refused formula can be named as Sheet!Cell.</summary>
    private static Dictionary<string, string> SheetNamesByPart(ZipArchive zip, WorkbookLimits limits)
    {
        var idsToNames = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(zip.GetEntry(WorkbookPart)!, limits, null, reader =>
        {
            if (reader.LocalName == "sheet" && reader.GetAttribute("name") is { } name
                && reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") is { } id)
            {
                idsToNames[id] = name;
            }

            return false;
        });

        var partsToNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            Walk(rels, limits, null, reader =>
            {
                if (reader.LocalName == "Relationship" && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target && idsToNames.TryGetValue(id, out var name))
                {
                    partsToNames[target.StartsWith('/') ? target[1..] : "xl/" + target] = name;
                }

                return false;
            });
        }

        return partsToNames;
    }

    private static void InspectPart(ZipArchiveEntry entry, string? sheetName, WorkbookLimits limits)
    {
        var isRelationships = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        string? cell = null;
        Walk(entry, limits, sheetName, reader =>
        {
            if (ActiveElements.TryGetValue(reader.LocalName, out var what))
            {
                throw new UnreadableWorkbookException($"The workbook contains {what} (part {entry.FullName}), which Verivius refuses for safety. Copy the cells into a new workbook, save it as .xlsx and upload that.");
            }

            if (isRelationships && reader.LocalName == "Relationship" && reader.GetAttribute("TargetMode") == "External"
                && reader.GetAttribute("Target") is { } target && !IsWebAddress(target))
            {
                throw new UnreadableWorkbookException($"The workbook links to \"{Shorten(target)}\" outside itself (part {entry.FullName}), which Verivius refuses for safety. Remove the link and upload it again.");
            }

            if (sheetName is null)
            {
                return false;
            }

            if (reader.LocalName == "c")
            {
                cell = reader.GetAttribute("r");
                return false;
            }

            if (reader.LocalName != "f" || reader.IsEmptyElement)
            {
                return false;
            }

            if (OutsideReach(reader.ReadElementContentAsString()) is { } reach)
            {
                throw new UnreadableWorkbookException($"{sheetName}!{cell ?? "?"}: the formula {reach}, which Verivius refuses for safety. Replace the formula with its value and upload again.");
            }

            return true;
        });
    }

    /// <summary>Why a formula reaches outside the workbook, or null when it only uses the workbook's own cells.</summary>
    internal static string? OutsideReach(string formula)
    {
        // Text in quotes is data, not a call or a reference.
        formula = QuotedText().Replace(formula, "\"\"");
        if (DdeCall().IsMatch(formula))
        {
            return "calls another program (DDE)";
        }

        if (ExternalReference().IsMatch(formula))
        {
            return "refers to another workbook";
        }

        return OutsideFunction().Match(formula) is { Success: true } call
            ? $"uses {call.Groups[1].Value.ToUpperInvariant()}, which reaches outside the workbook"
            : null;
    }

    private static bool IsWebAddress(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>
    /// Streams a part's elements to <paramref name="visit"/> with no recursion, refusing a DTD, nesting
    /// deeper than any pack needs, or more elements than any pack part holds. A visitor returns true
    /// when it has read past the element it was given.
    /// </summary>
    private static void Walk(ZipArchiveEntry entry, WorkbookLimits limits, string? sheetName, Func<XmlReader, bool> visit)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = limits.MaxCharactersInPart,
        };
        var elements = 0L;
        try
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.Depth >= limits.MaxXmlDepth)
                {
                    throw new UnreadableWorkbookException($"Part {entry.FullName}{SheetNote(sheetName)} nests its XML more than {limits.MaxXmlDepth} levels deep; a pack needs fewer than 10. The file was built to harm whoever opens it, or is damaged, so it was not read.");
                }

                if (++elements > limits.MaxElementsPerPart)
                {
                    throw new UnreadableWorkbookException($"Part {entry.FullName}{SheetNote(sheetName)} holds more than {limits.MaxElementsPerPart:N0} XML elements, far more than any pack needs, so it was not read.");
                }

                if (!visit(reader))
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw XlsxWorkbook.Unreadable(ex);
        }
        catch (XmlException ex)
        {
            throw new UnreadableWorkbookException($"Part {entry.FullName} of the workbook is not well-formed XML, so the file is damaged. Open it in Excel, save it as .xlsx and upload it again.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableWorkbookException($"Part {entry.FullName} of the workbook cannot be unpacked, so the file is damaged.", ex);
        }
    }

    private static string SheetNote(string? sheetName) => sheetName is null ? "" : $" (sheet \"{sheetName}\")";

    [GeneratedRegex("\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedText();

    /// <summary>DDE: <c>program|topic!item</c>, such as <c>cmd|' /C calc'!A0</c>.</summary>
    [GeneratedRegex(@"[A-Za-z0-9_.\-]+\s*\|", RegexOptions.CultureInvariant)]
    private static partial Regex DdeCall();

    /// <summary>Another workbook's cells: <c>[1]Sheet!A1</c> or <c>'C:\x\[Book.xlsx]Sheet'!A1</c>; a table's <c>Table[Column]</c> has no <c>!</c>.</summary>
    [GeneratedRegex(@"\[[^\[\]]+\][^\[\]!(),;]*!", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"\b(HYPERLINK|WEBSERVICE|FILTERXML|RTD|CALL|REGISTER|REGISTER\.ID|EXEC|IMPORTDATA|IMPORTXML)\s*\(", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OutsideFunction();
}
