namespace Verivius.Web.Common;

/// <summary>The thing asked for does not exist, or exists outside the person's scope: both show as 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
