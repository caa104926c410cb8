namespace Verivius.Infrastructure.History;

/// <summary>
/// Who is making the change now: the signed-in person, an operator at the command line, or the
/// scheduler. Implemented by the web layer, read by the change log.
/// </summary>
public interface IActorContext
{
    /// <summary>A name for the change log that says who acted, such as an email or "operator (command line)".</summary>
    string ActorName { get; }
}
