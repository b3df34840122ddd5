using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Routing.Patterns;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Api;

public static class HttpApi
{
    /// <summary>The OpenAPI document (<see cref="ApiDescription"/>), at MapOpenApi's path for the document v1.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The interactive API reference (swagger-ui) over the document.</summary>
    public const string ReferencePath = "/api-reference";

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Unavailability>();
        builder.Services.AddExceptionHandler<BadRequests>();
        builder.Services.AddOpenApi(ApiDescription.Configure);
        builder.Services.AddSingleton<CommandDispatcher>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<Import.ImportService>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseForwardedProxies();
        // Unexpected faults answer as problem details too (500, no stack trace); bad input never gets here.
        app.UseSecurityHeaders();
        // What the handlers (Unavailability, BadRequests) do not take is a fault: 500, of the silo's own type.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => Problems.OfStatus(StatusCodes.Status500InternalServerError, null).ExecuteAsync(context),
        });
        // An error without a body (no such route, another verb): a problem of the type its status has, whatever the Accept header.
        app.UseStatusCodePages(context => Problems.OfStatus(context.HttpContext.Response.StatusCode, null).ExecuteAsync(context.HttpContext));
        app.UseProblemErrorBodies();
        app.UseOriginCheck();
        // The interactive reference, public like the document it shows: the silo serves swagger-ui's files itself.
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = ReferencePath.TrimStart('/');
            o.DocumentTitle = "ProvincialMonitor API";
            o.SwaggerEndpoint(DocumentPath, "ProvincialMonitor API v1");
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // A key in the path that is empty or only whitespace names nothing (and no grain has such a key): 404 before any handler.
        app.Use((context, next) =>
            context.GetEndpoint() is RouteEndpoint endpoint && BlankParameter(endpoint.RoutePattern, context.Request.RouteValues) is { } blank
                ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"The route's {blank} is blank: nothing has such a key.").ExecuteAsync(context)
                : next(context));
        app.UseAntiforgery();
        // Public: the document describes the API's shape and holds no data; every route it describes asks for a login.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>A parameter of the route that must have a value (not optional, no default) and has none, or only whitespace.</summary>
    private static string? BlankParameter(RoutePattern pattern, RouteValueDictionary values) =>
        pattern.Parameters.FirstOrDefault(p => !p.IsOptional && p.Default is null
            && !(values.TryGetValue(p.Name, out var value) && value is string text && !string.IsNullOrWhiteSpace(text)))?.Name;
}
