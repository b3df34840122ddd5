namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// A request to record a policy action. The fields every action may carry: the business date it
/// takes effect (default: today in Brussels), the decision it executes, and the deciding body.
/// Fields are nullable so that a missing one is reported by name, not read as zero.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record Command
{
    [Id(0)] public DateOnly? EffectiveDate { get; init; }
    [Id(1)] public string? DecisionRef { get; init; }
    [Id(2)] public string? Body { get; init; }

    /// <summary>Checks without state: required fields, formats, ranges. Field names are the JSON names.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var check = new Checks(errors);
        if (Body is not null && !Bodies.IsKnown(Body)) check.Add("body", Refusals.FieldUnknownBody);
        check.Text("decisionRef", DecisionRef, required: false, max: 100);
        ValidateFields(check);
        return errors;
    }

    protected abstract void ValidateFields(Checks check);

    /// <summary>
    /// The command as it is checked and sent, for the API, the forms and the import alike: a former municipality code read as
    /// its 2025 municipality, each such reading added to <paramref name="notices"/>. This command itself when nothing changes.
    /// </summary>
    public virtual Command Normalized(List<FieldError> notices) => this;
}

/// <summary>
/// What is wrong with one field (its JSON name; empty for a whole import row): a code of <see cref="Refusals"/> with
/// its arguments. <see cref="Message"/> is the English, <see cref="Dutch"/> the dashboard's.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Code,
    [property: Id(2)] IReadOnlyDictionary<string, string> Arguments)
{
    public string Message => Refusals.Get(Code).InEnglish(Arguments);

    public string Dutch => Refusals.Get(Code).InDutch(Arguments);

    /// <summary>The field and its message as one part of a refusal's detail: <c>field message</c>.</summary>
    public string Describe(string message) => Field.Length == 0 ? message : $"{Field} {message}";

    public static FieldError Of(string field, RefusalText text, params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(field, text.Code, text.Bind(arguments));
    }
}

/// <summary>Stateless checks that collect field errors.</summary>
public sealed class Checks(List<FieldError> errors)
{
    public void Add(string field, RefusalText text, params (string Name, object? Value)[] arguments) => errors.Add(FieldError.Of(field, text, arguments));

    public bool Required(string field, object? value)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
        {
            Add(field, Refusals.FieldRequired);
            return false;
        }
        return true;
    }

    public void Text(string field, string? value, bool required = true, int max = 200)
    {
        if (required && !Required(field, value)) return;
        if (value is not null && value.Length > max) Add(field, Refusals.FieldTooLong, ("max", max));
    }

    /// <summary>Money: euro, at most two decimals, never negative (zero only where <paramref name="allowZero"/>).</summary>
    public void Money(string field, decimal? value, bool required = true, bool allowZero = false)
    {
        if (value is null)
        {
            if (required) Add(field, Refusals.FieldRequired);
            return;
        }
        if (value < 0 || (!allowZero && value == 0)) Add(field, allowZero ? Refusals.FieldNegative : Refusals.FieldNotPositive);
        else if (decimal.Round(value.Value, 2) != value) Add(field, Refusals.FieldCents);
        else if (value > 1_000_000_000_000m) Add(field, Refusals.FieldTooMuchMoney);
    }

    public void NotNegative(string field, decimal? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, Refusals.FieldRequired);
            return;
        }
        if (value < 0) Add(field, Refusals.FieldNegative);
    }

    /// <summary>A whole number (a count, a vote tally) of at least <paramref name="min"/>.</summary>
    public void AtLeast(string field, long? value, long min, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, Refusals.FieldRequired);
            return;
        }
        if (value >= min) return;
        if (min == 0) Add(field, Refusals.FieldNegative);
        else Add(field, Refusals.FieldAtLeast, ("min", min));
    }

    public void OneOf(string field, string? value, IEnumerable<string> allowed, bool required = true) =>
        OneOf(field, value, allowed, Refusals.FieldNotOneOf, required);

    private void OneOf(string field, string? value, IEnumerable<string> allowed, RefusalText text, bool required)
    {
        if (value is null)
        {
            if (required) Add(field, Refusals.FieldRequired);
            return;
        }
        var options = allowed.ToArray();
        if (!options.Contains(value)) Add(field, text, ("options", string.Join(", ", options)));
    }

    public void Domain(string field, string? value, bool required = true) => OneOf(field, value, PolicyDomains.DutchNames.Keys, required);

    public void Province(string field, string? value, bool required = true) => OneOf(field, value, ProvinceSlugs.All, Refusals.FieldUnknownProvince, required);

    public void Slug(string field, string? value, bool required = true)
    {
        if (required && !Required(field, value)) return;
        if (value is null) return;
        if (value.Length > 60 || !value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || value.StartsWith('-') || value.EndsWith('-'))
            Add(field, Refusals.FieldNotASlug);
    }

    /// <summary>A credit is the council's: its decision reference (the envelope's <c>decisionRef</c>) is required.</summary>
    public void CouncilDecision(string? decisionRef)
    {
        if (string.IsNullOrWhiteSpace(decisionRef)) Add("decisionRef", Refusals.FieldCreditNeedsDecision);
    }

    public void Year(string field, int? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, Refusals.FieldRequired);
            return;
        }
        if (value is < 1990 or > 2100) Add(field, Refusals.FieldNotAYear);
    }
}
