namespace ProvincialMonitor.Contracts.Views;

/// <summary>
/// A project's cross-border programme: <see cref="Text"/> as stored; <see cref="FromList"/> false for a free text recorded
/// before the list (shown as written, marked as not from the list), else the programme's name, period and maximum ERDF
/// rate (null: not known) beside the project's own rate. Made by <c>ProjectProgrammes.Of</c> from the reference list.
/// </summary>
public sealed record ProjectProgrammeView(
    string Text,
    bool FromList,
    string? NameNl,
    string? Period,
    decimal? MaxErdfRate,
    decimal? CoFinancingRate);
