using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>
/// What one form instance knows between submissions: its idempotency key (made once, kept through failures and
/// retries, renewed only after a stored action), the field errors in Dutch, a refusal that is not about a field,
/// and the last stored outcome.
/// </summary>
public sealed class FormState
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

    public string IdempotencyKey { get; private set; } = NewKey();

    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>A refusal that is not about one field (forbidden, not found, a rule, the store), in Dutch with its detail.</summary>
    public (string Heading, string? Detail)? Alert { get; private set; }

    public FormOutcome? Stored { get; private set; }

    public bool Busy { get; set; }

    public string? Error(string field) => _errors.GetValueOrDefault(field);

    /// <summary>A local check of the form (a picker left empty): shown as the dispatcher's errors are.</summary>
    public void AddError(string field, string dutchMessage) => _errors.TryAdd(field, dutchMessage);

    public void Clear()
    {
        _errors.Clear();
        Alert = null;
    }

    /// <summary>
    /// What an input holds that it could not read (a number written two ways, a date that does not exist), in Dutch; null
    /// when it reads what it holds. Such a form is not sent: a value is never replaced by an empty one or by today.
    /// </summary>
    public void Unreadable(string field, string? dutchMessage)
    {
        if (dutchMessage is null) _unreadable.Remove(field);
        else _unreadable[field] = dutchMessage;
    }

    /// <summary>Clears the errors of the last submission and shows those of inputs that hold what they could not read; true when there are none.</summary>
    public bool Restart()
    {
        Clear();
        foreach (var (field, message) in _unreadable) _errors[field] = message;
        return _unreadable.Count == 0;
    }

    /// <summary>Takes in an outcome; after a stored action the next submission is a new action with a new key.</summary>
    public void Take(FormOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Clear();
        if (outcome.Accepted)
        {
            Stored = outcome;
            IdempotencyKey = NewKey();
            return;
        }
        Stored = null;
        var refusal = outcome.Refusal!;
        AddFieldErrors(refusal.Errors);
        if (_errors.Count == 0 || refusal.Kind != RefusalKind.Invalid)
            Alert = (FormMessages.Heading(refusal.Kind), refusal.Dutch);
    }

    /// <summary>Field errors of the command's checks, in Dutch; a field that already has an error keeps it.</summary>
    public void AddFieldErrors(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors) _errors.TryAdd(error.Field, error.Dutch);
    }

    /// <summary>Attributes of a field's input: its id, and when it is invalid <c>aria-invalid</c> and <c>aria-describedby</c> naming the message.</summary>
    public Dictionary<string, object> Attributes(string field)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal) { ["id"] = FormMessages.InputId(field) };
        if (_errors.ContainsKey(field))
        {
            attributes["aria-invalid"] = "true";
            attributes["aria-describedby"] = FormMessages.ErrorId(field);
        }
        return attributes;
    }

    private static string NewKey() => "form-" + Guid.NewGuid().ToString("N");
}
