namespace Verivius.Domain.Common;

/// <summary>A request the domain refuses, with a message fit to show the person who made it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
