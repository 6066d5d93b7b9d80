namespace BananTourism.Application.Common;

/// <summary>A unique index refused a write: the database's way of saying "someone else got there first".
/// Handlers turn it into the matching error value.</summary>
public sealed class DuplicateKeyException : Exception
{
    public DuplicateKeyException()
    {
    }

    public DuplicateKeyException(string message)
        : base(message)
    {
    }

    public DuplicateKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
