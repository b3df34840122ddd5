namespace ProvincialMonitor.Dashboard;

/// <summary>What the login page offers besides the built-in users.</summary>
public sealed record LoginOptions(bool UsesOidc);
