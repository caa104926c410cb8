namespace Verivius.Infrastructure.Workbooks;

/// <summary>The file cannot be read as a pack workbook at all; the message says why in plain words.</summary>
public sealed class UnreadableWorkbookException : Exception
{
    public UnreadableWorkbookException(string message)
        : base(message)
    {
    }

    public UnreadableWorkbookException()
    {
    }

    public UnreadableWorkbookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
