namespace ProvincialMonitor.Silo.Api;

/// <summary>The headers a route writes on its answer itself: endpoint metadata that the API description lists on its 2xx answers.</summary>
public sealed record ResponseHeaders(params ResponseHeader[] Headers);

/// <summary>One response header, declared once: the handler writes it by <see cref="Name"/>, the description shows it.</summary>
public sealed record ResponseHeader(string Name, string Description);
