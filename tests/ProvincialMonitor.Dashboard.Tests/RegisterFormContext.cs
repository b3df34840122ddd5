using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Forms;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>What the tests of the /registreren forms share: opening a form, submitting it, and the command it sent.</summary>
public abstract class RegisterFormContext : DashboardContext
{
    /// <summary>The form at <c>registreren/{form}{query}</c>, once it shows its submit button.</summary>
    protected IRenderedComponent<RegisterAction> Open(string form, string? query = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"registreren/{form}{query}");
        var page = Render<RegisterAction>(p => p.Add(c => c.Form, form));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=submit]")));
        return page;
    }

    protected static void Submit(IRenderedComponent<RegisterAction> page) => page.Find("form[data-testid=action-form]").Submit();

    /// <summary>Waits for the confirmation and returns the command sent to the aggregate (kind, key); with a stream, the events link names it.</summary>
    protected T Stored<T>(IRenderedComponent<RegisterAction> page, string kind, string key, string? stream = null) where T : Command
    {
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=confirmation]").Count > 0,
            "Not stored: " + string.Join(" | ", page.FindAll(".pm-field-error,[data-testid=form-alert]").Select(e => e.TextContent))));
        var sent = Commands.Sent[^1];
        Assert.Equal((kind, key), (sent.Action.Kind, sent.Action.Key));
        if (stream is not null) Assert.Equal($"gebeurtenissen?stream={stream}", page.Find("[data-testid=events-link]").GetAttribute("href"));
        return Assert.IsType<T>(sent.Action.Command);
    }
}
