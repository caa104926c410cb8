namespace Verivius.Domain.History;

public enum ChangeOperation
{
    Insert,
    Update,
    Delete,
}
