namespace Duban.Core.Common;

/// <summary>What kind of refusal an error is; endpoints map it to an HTTP status, pages show the message.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// A refusal the user can understand: the message is the Chinese text shown on the page or in the problem detail.
/// </summary>
public class DubanException : Exception
{
    public DubanException(ErrorKind kind, string message, string? field = null) : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public DubanException() : this(ErrorKind.Validation, "操作失败。")
    {
    }

    public DubanException(string message) : this(ErrorKind.Validation, message)
    {
    }

    public DubanException(string message, Exception innerException) : base(message, innerException)
    {
        Kind = ErrorKind.Validation;
    }

    public ErrorKind Kind { get; }

    /// <summary>The input field the error is about, when there is one.</summary>
    public string? Field { get; }
}
