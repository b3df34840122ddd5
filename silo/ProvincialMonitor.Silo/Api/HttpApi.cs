using System.Text.Json.Serialization;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Api;

public static class HttpApi
{
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Unavailability>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<CommandDispatcher>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<Import.ImportService>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseForwardedProxies();
        // Unexpected faults answer as problem details too (500, no stack trace); bad input never gets here.
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseOriginCheck();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi();
        return app;
    }
}
