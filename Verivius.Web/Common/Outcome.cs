namespace Verivius.Web.Common;

/// <summary>What a command did: nothing, with the problems named per form field, or what it made.</summary>
public class Outcome
{
    protected Outcome(IReadOnlyList<FieldProblem> problems) => Problems = problems;

    public IReadOnlyList<FieldProblem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    public static Outcome Done { get; } = new([]);

    public static Outcome Refused(string field, string message) => new([new FieldProblem(field, message)]);

    public static Outcome Refused(IReadOnlyList<FieldProblem> problems) => new(problems);
}

/// <summary>An outcome that, on success, carries a value back (the new record, a one-time password).</summary>
public sealed class Outcome<T> : Outcome
{
    private Outcome(T? value, IReadOnlyList<FieldProblem> problems)
        : base(problems) => Value = value;

    public T? Value { get; }

    public static Outcome<T> Of(T value) => new(value, []);

    public static new Outcome<T> Refused(string field, string message) => new(default, [new FieldProblem(field, message)]);

    public static new Outcome<T> Refused(IReadOnlyList<FieldProblem> problems) => new(default, problems);
}

/// <summary>A problem with one field of a form (or with the form as a whole, when the field is empty).</summary>
public sealed record FieldProblem(string Field, string Message);
