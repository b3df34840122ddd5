using Microsoft.Extensions.DependencyInjection.Extensions;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;
using Radzen;

namespace ProvincialMonitor.Silo.Hosting;

public static class SiloHosting
{
    /// <summary>The store is opened first, as a hosted service, so that grains find it when Orleans starts.</summary>
    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder)
    {
        var settings = StoreSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<EventStoreConnector>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventStoreConnector>());
        builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<EventStoreConnector>());
        // Resolved by the projector grain, which activates only after the store is open.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<EventStoreConnector>().Projections);
        // The monitor's one clock (a host that registered its own first keeps it).
        builder.Services.TryAddSingleton(MonitorClock.System);
        builder.Services.AddSingleton(sp => new AggregateSnapshots(sp.GetRequiredService<EventStoreConnector>().Snapshots,
            sp.GetRequiredService<ILogger<AggregateSnapshots>>(), settings.SnapshotEvery));
        return builder;
    }

    /// <summary>
    /// One silo on localhost (the embedded mode), or a member of a cluster on PostgreSQL
    /// (<c>Cluster:Mode=Postgres</c>): see <see cref="ClusterSettings"/>.
    /// </summary>
    public static WebApplicationBuilder AddOrleansSilo(this WebApplicationBuilder builder)
    {
        var cluster = ClusterSettings.From(builder.Configuration, StoreSettings.From(builder.Configuration));
        builder.Services.AddSingleton(cluster);
        // Registered before Orleans, so that the schema exists when the providers read their queries.
        builder.Services.AddHostedService<OrleansSchema>();
        builder.UseOrleans(silo => Clustering.Configure(silo, cluster, builder.Configuration));
        builder.AddSharedDataProtection(cluster);
        return builder;
    }

    /// <summary>Reference data (and demo data in the embedded mode) recorded once Orleans runs.</summary>
    public static WebApplicationBuilder AddStartupData(this WebApplicationBuilder builder)
    {
        // Checked here, before the host starts: nothing is loaded into the store for a start that is refused.
        if (builder.Configuration["Auth:BootstrapApiKey"] is { Length: > 0 and < 32 })
            throw new ConfigurationException("Auth:BootstrapApiKey must have at least 32 characters.");
        builder.Services.AddSingleton<ProvincialMonitor.Grains.Reference.ReferenceDataLoader>();
        builder.Services.AddSingleton<ProvincialMonitor.Grains.Reference.DemoData>();
        builder.Services.AddHostedService<StartupData>();
        // The chain check at start comes before the anchor grain's first anchor.
        ChainWatch.Register(builder.Services);
        builder.AddAnchoring();
        builder.Services.AddHostedService<ProjectionWaker>();
        return builder;
    }

    /// <summary>The Blazor dashboard (interactive server) and its static files; the login page is served without login.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        builder.Services.AddSingleton<Live.LiveFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Live.LiveFeed>());
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Shared.IIndicatorSource, Live.IndicatorSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Shared.IMunicipalitySource, Live.MunicipalitySource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Campaigns.ICampaignSource, Live.CampaignSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.BusinessParks.IBusinessParkSource, Live.BusinessParkSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Border.IBorderSource, Live.BorderSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Grains.Projections.HistoricalIndicators>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Audit.IAuditSource, Live.AuditSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Forms.ICommandSource, Live.CommandSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Import.IImportSource, Live.ImportSource>();
        builder.Services.AddSingleton<ProvincialMonitor.Dashboard.Operations.IOperationsSource, Live.OperationsSource>();
        builder.Services.AddRadzenComponents();
        var usesOidc = Security.AuthenticationSetup.UsesOidc(builder.Configuration);
        builder.Services.AddCascadingValue(_ => new ProvincialMonitor.Dashboard.LoginOptions(usesOidc));
        builder.AddPageWeight();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UsePageQueryChecks();
        app.UseResponseCompression();
        app.MapStaticAssets().AllowAnonymous();
        // The whole policy, frame-ancestors included, comes from SecurityHeaders: one header, not two.
        app.MapRazorComponents<ProvincialMonitor.Dashboard.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapHub<Live.IndicatorsHub>("/hubs/indicators", o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }

    /// <summary>Prints where the monitor listens once it is ready.</summary>
    public static WebApplication AnnounceWhenReady(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var settings = app.Services.GetRequiredService<StoreSettings>();
            foreach (var url in app.Urls)
                app.Logger.LogInformation("ProvincialMonitor is ready at {Url} (store: {Store})", url, settings.Describe());
        });
        return app;
    }
}
