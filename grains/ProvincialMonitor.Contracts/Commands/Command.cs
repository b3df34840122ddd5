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
        if (Body is not null && !Bodies.IsKnown(Body)) check.Add("body", "must be deputatie, provincieraad or pom");
        check.Text("decisionRef", DecisionRef, required: false, max: 100);
        ValidateFields(check);
        return errors;
    }

    protected abstract void ValidateFields(Checks check);
}

[GenerateSerializer, Immutable]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message);

/// <summary>Stateless checks that collect field errors.</summary>
public sealed class Checks(List<FieldError> errors)
{
    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    public bool Required(string field, object? value)
    {
        if (value is null || value is string s && string.IsNullOrWhiteSpace(s))
        {
            Add(field, "is required");
            return false;
        }
        return true;
    }

    public void Text(string field, string? value, bool required = true, int max = 200)
    {
        if (required && !Required(field, value)) return;
        if (value is not null && value.Length > max) Add(field, $"has at most {max} characters");
    }

    /// <summary>Money: euro, at most two decimals, never negative (zero only where <paramref name="allowZero"/>).</summary>
    public void Money(string field, decimal? value, bool required = true, bool allowZero = false)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return;
        }
        if (value < 0 || (!allowZero && value == 0)) Add(field, allowZero ? "must not be negative" : "must be more than zero");
        else if (decimal.Round(value.Value, 2) != value) Add(field, "has at most two decimals (euro cents)");
        else if (value > 1_000_000_000_000m) Add(field, "is more than 1,000,000,000,000 euro");
    }

    public void NotNegative(string field, decimal? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return;
        }
        if (value < 0) Add(field, "must not be negative");
    }

    /// <summary>A whole number (a count, a vote tally) of at least <paramref name="min"/>.</summary>
    public void AtLeast(string field, long? value, long min, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return;
        }
        if (value < min) Add(field, min == 0 ? "must not be negative" : $"must be at least {min}");
    }

    public void OneOf(string field, string? value, IEnumerable<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return;
        }
        var options = allowed.ToArray();
        if (!options.Contains(value)) Add(field, $"must be one of: {string.Join(", ", options)}");
    }

    public void Domain(string field, string? value, bool required = true) => OneOf(field, value, PolicyDomains.DutchNames.Keys, required);

    public void Province(string field, string? value, bool required = true) => OneOf(field, value, ProvinceSlugs.All, required);

    public void Slug(string field, string? value, bool required = true)
    {
        if (required && !Required(field, value)) return;
        if (value is null) return;
        if (value.Length > 60 || !value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || value.StartsWith('-') || value.EndsWith('-'))
            Add(field, "must be lower-case letters, digits and single hyphens (at most 60)");
    }

    public void Year(string field, int? value, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "is required");
            return;
        }
        if (value is < 1990 or > 2100) Add(field, "must be a year between 1990 and 2100");
    }
}
