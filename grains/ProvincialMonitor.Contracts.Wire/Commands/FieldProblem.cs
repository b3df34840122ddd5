namespace ProvincialMonitor.Contracts.Commands;

/// <summary>One field error of a problem (<c>fieldErrors</c>): the field, the code of its text and the arguments, and the English.</summary>
public sealed record FieldProblem(string Field, string Code, IReadOnlyDictionary<string, string> Arguments, string Message);
