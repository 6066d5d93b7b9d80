using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Every browser context a test opens records a Playwright trace (screenshots, DOM snapshots, network).
/// When the test fails the trace is kept as test-artifacts/traces/{test}.zip (open it with
/// <c>npx playwright show-trace</c> or trace.playwright.dev); when it passes the trace is dropped. Either way the
/// test's contexts are closed, so a class's Chromium does not accumulate every earlier test's pages.</summary>
internal static class Traces
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<IBrowserContext>> ByTest = new();

    public static async Task StartAsync(IBrowserContext context)
    {
        ByTest.GetOrAdd(TestId(), _ => []).Add(context);
        await context.Tracing.StartAsync(new TracingStartOptions
        {
            Title = TestContext.Current.Test?.TestDisplayName,
            Screenshots = true,
            Snapshots = true,
        });
    }

    /// <summary>Called as the test class is disposed, when the outcome of the test is known.</summary>
    public static async Task FinishAsync()
    {
        if (!ByTest.TryRemove(TestId(), out var contexts))
        {
            return;
        }

        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        var index = 0;
        foreach (var context in contexts)
        {
            var path = failed ? Path.Combine(BrowserFixture.Artifacts("traces"), $"{FileName()}-{index++}.zip") : null;
            try
            {
                await context.Tracing.StopAsync(new TracingStopOptions { Path = path });
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser went away with the failure; there is no trace left to keep.
            }

            if (path is not null)
            {
                TestContext.Current.SendDiagnosticMessage($"Playwright trace kept: {path}");
            }
        }
    }

    private static string TestId() => TestContext.Current.Test?.UniqueID ?? "outside-a-test";

    private static string FileName()
    {
        var test = TestContext.Current.Test;
        var name = test is null ? "unknown" : $"{test.TestCase.TestClassName}.{test.TestCase.TestMethodName}";
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
    }
}

/// <summary>Base of the browser test classes: after each test its traces are kept or dropped (<see cref="Traces"/>).</summary>
public abstract class BrowserTest : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Traces.FinishAsync();
        GC.SuppressFinalize(this);
    }
}
