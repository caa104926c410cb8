using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Verivius.Infrastructure.Documents;

/// <summary>
/// Converts a written Word document to PDF with LibreOffice, headless (Debian's
/// <c>libreoffice-writer-nogui</c>). Where LibreOffice is not installed, or <c>Documents:Pdf</c> is
/// false, there is no converter and only Word is offered. Each conversion has a profile of its own, so
/// conversions never wait on one another's lock, and is stopped after two minutes.
/// </summary>
public sealed class PdfConverter
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly string? _soffice;

    public PdfConverter(string? soffice) => _soffice = soffice;

    public bool IsAvailable => _soffice is not null;

    /// <summary>The converter the settings ask for: <c>Documents:Soffice</c>, else <c>soffice</c> found on the path.</summary>
    public static PdfConverter From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.Equals(configuration["Documents:Pdf"] ?? "true", "true", StringComparison.OrdinalIgnoreCase))
        {
            return new PdfConverter(null);
        }

        var named = configuration["Documents:Soffice"];
        var found = !string.IsNullOrWhiteSpace(named)
            ? named
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, "soffice"))
                .FirstOrDefault(File.Exists);
        return new PdfConverter(found);
    }

    public async Task<byte[]> ConvertAsync(ReadOnlyMemory<byte> word, CancellationToken cancellationToken)
    {
        if (_soffice is null)
        {
            throw new InvalidOperationException("LibreOffice is not installed here, so documents are offered as Word only.");
        }

        var folder = Directory.CreateTempSubdirectory("verivius-pdf-").FullName;
        try
        {
            var source = Path.Combine(folder, "document.docx");
            await File.WriteAllBytesAsync(source, word, cancellationToken);
            var start = new ProcessStartInfo(_soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, source })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{_soffice} could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice took more than {Limit.TotalMinutes:0} minutes to convert the document.");
            }

            var pdf = Path.Combine(folder, "document.pdf");
            return File.Exists(pdf)
                ? await File.ReadAllBytesAsync(pdf, cancellationToken)
                : throw new InvalidOperationException($"LibreOffice made no PDF (exit {process.ExitCode}): {await output} {await errors}".Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
