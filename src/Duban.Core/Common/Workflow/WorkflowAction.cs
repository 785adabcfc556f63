using System.Linq.Expressions;

namespace Duban.Core.Common.Workflow;

/// <summary>How the acting person stands to a record, for a grant that depends on it.</summary>
public enum Relation
{
    /// <summary>Whatever the record's unit (within the actor's data scope, which the database already applies).</summary>
    Anyone,
    OwnUnit,
    /// <summary>The record's unit is the actor's unit or below it.</summary>
    OwnTree,
    /// <summary>The actor answers for the record (责任人).</summary>
    Responsible,
}

/// <summary>
/// Who may take an action: a role (null: anyone signed in) where the relation holds. <paramref name="Awaits"/>: the
/// record then waits for them, so it shows on their 我的待办.
/// </summary>
public sealed record Grant(string? Role, Relation Relation, bool Awaits = false);

public enum FieldKind
{
    Text,
    Date,
    /// <summary>Yes or no (approve / refuse), posted as true or false.</summary>
    Decision,
    /// <summary>A unit of the actor's scope, posted as its id.</summary>
    Unit,
    /// <summary>A person, posted as id; of the unit chosen in the field named by <see cref="ActionField.Of"/>.</summary>
    Person,
    File,
    /// <summary>One of <see cref="ActionField.Choices"/> (or the page's), posted as its value.</summary>
    Choice,
    /// <summary>Any number of choices, posted as their values (a JSON array, or separated by commas).</summary>
    Choices,
    /// <summary>
    /// Which part of the record the action is about (one evidence file), posted as its id. The page puts such an
    /// action beside that part rather than among the record's actions.
    /// </summary>
    Subject,
}

/// <summary>
/// What an action asks for besides the click. The API's JSON property and the page form's field carry the same
/// <paramref name="Name"/>; the label is what the form shows.
/// </summary>
public sealed record ActionField(string Name, string Label, FieldKind Kind = FieldKind.Text, bool Required = false, string? Placeholder = null)
{
    /// <summary>A line shown under the field (what a file may be).</summary>
    public string? Hint { get; init; }

    /// <summary>For a file: the extensions the picker offers (<c>.pdf,.docx</c>).</summary>
    public string? Accept { get; init; }

    /// <summary>For a person: the unit field whose unit the person must belong to.</summary>
    public string? Of { get; init; }

    /// <summary>For a choice: what may be chosen, when the declaration knows it (a page passes data-driven ones).</summary>
    public IReadOnlyList<FieldChoice> Choices { get; init; } = [];
}

/// <summary>One option of a choice field: the value posted and the words shown.</summary>
public sealed record FieldChoice(string Value, string Label);

/// <summary>What pages and routes need of an action, whatever its record type.</summary>
public interface IWorkflowAction
{
    string Slug { get; }
    string Name { get; }
    IReadOnlyList<ActionField> Fields { get; }
    string? Confirm { get; }
    bool Primary { get; }
    bool HasForm { get; }

    /// <summary>What the page says once it is done (已退回).</summary>
    string Done { get; }
}

/// <summary>
/// One action of a workflow, declared once: when it is legal (an expression, so lists can ask the database which
/// records wait for someone), who may take it, what it asks for, its Chinese name and its route slug. The API
/// route, the page's form endpoint, the button on the detail page and the "my work" query all come from it.
/// </summary>
public sealed record WorkflowAction<TRecord, TAction>(
    TAction Action,
    string Slug,
    string Name,
    Expression<Func<TRecord, bool>> LegalWhen,
    IReadOnlyList<Grant> Grants,
    IReadOnlyList<ActionField> Fields) : IWorkflowAction
    where TAction : struct, Enum
{
    private readonly Lazy<Func<TRecord, bool>> _legal = new(LegalWhen.Compile);

    /// <summary>Asked before an action that undoes someone's work (the page shows it as a confirmation).</summary>
    public string? Confirm { get; init; }

    /// <summary>What the page says once it is done; 已 and the action's name unless the declaration says better (已销号).</summary>
    public string Done { get => field ?? "已" + Name; init; }

    /// <summary>The main step of the record's way forward: the page shows it as the primary button.</summary>
    public bool Primary { get; init; }

    /// <summary>False for actions with a page of their own (editing) rather than a form on the detail page.</summary>
    public bool HasForm { get; init; } = true;

    /// <summary>Who may not take it even where granted (四眼原则: not the one who submitted); the entity refuses too.</summary>
    public Func<Accounts.Actor, TRecord, bool>? RefusedTo { get; init; }

    public bool IsLegal(TRecord record) => _legal.Value(record);
}
