using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Campaigns;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.Dashboard.Import;
using ProvincialMonitor.Dashboard.Operations;
using ProvincialMonitor.Dashboard.Shared;
using Radzen;
using Radzen.Blazor.Rendering;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>A logged-in, interactive render context with Radzen, a fake indicator source, a fake campaign source, a fake audit source, a fake command source, a fake import source and a fake operations source.</summary>
public abstract class DashboardContext : BunitContext
{
    protected DashboardContext()
    {
        // Radzen's charts measure themselves through JavaScript; here every call answers with defaults.
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rect>("Radzen.createChart", _ => true).SetResult(new Rect { Left = 0, Top = 0, Width = 640, Height = 320 });
        Services.AddRadzenComponents();
        Services.AddSingleton(Clock);
        Services.AddSingleton<IIndicatorSource>(Source);
        Services.AddSingleton<ICampaignSource>(Campaigns);
        Services.AddSingleton<IAuditSource>(Audits);
        Services.AddSingleton<ICommandSource>(Commands);
        Services.AddSingleton<IImportSource>(Imports);
        Services.AddSingleton<IOperationsSource>(Operations);
        Services.AddSingleton<IMunicipalitySource>(Municipalities);
        Services.AddSingleton<ProvincialMonitor.Dashboard.BusinessParks.IBusinessParkSource>(Parks);
        Services.AddSingleton<ProvincialMonitor.Dashboard.Border.IBorderSource>(Borders);
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("Demo gedeputeerde");
        Authorization.SetRoles("deputy");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The monitor's clock, as the silo registers it.</summary>
    protected MonitorClock Clock { get; } = MonitorClock.System;

    internal FakeIndicatorSource Source { get; } = new();

    internal FakeCampaignSource Campaigns { get; } = new();

    internal FakeAuditSource Audits { get; } = new();

    internal FakeCommandSource Commands { get; } = new();

    internal FakeImportSource Imports { get; } = new();

    internal FakeOperationsSource Operations { get; } = new();

    internal FakeMunicipalitySource Municipalities { get; } = new();
    internal BusinessParks.FakeBusinessParkSource Parks { get; } = new();

    internal FakeBorderSource Borders { get; } = new();

    /// <summary>The logged-in user: a deputy unless a test says otherwise (<c>SetRoles("auditor")</c>).</summary>
    protected BunitAuthorizationContext Authorization { get; }
}
