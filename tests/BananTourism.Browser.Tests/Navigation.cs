using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Moving from page to page in the browser tests without racing the browser.</summary>
public static class Navigation
{
    /// <summary>Does <paramref name="action"/> (a click, a key press, a form post) and waits until the browser shows
    /// the new page it leads to, loaded; then, where <paramref name="url"/> is given, checks that the page's address
    /// matches it (a regular expression).
    /// <para>Why not the action followed by Playwright's <c>WaitForURLAsync</c>: that compares the address it last
    /// heard of and only then starts listening for the next navigation, so a page that arrives in between is never
    /// seen, and the wait times out with the right page on the screen (issue 11: on a busy machine the booking form
    /// came 36 ms after Enter, inside that gap). Here the page being left is marked before the action, and the wait
    /// asks the browser itself every 50 ms (not on every animation frame, which makes a traced
    /// browser record a screenshot per frame) for a loaded document without the mark: a fast navigation cannot be
    /// missed, and the old page cannot be taken for the new one when the new one is slow or has the same address.</para></summary>
    public static async Task NavigateByAsync(this IPage page, Func<Task> action, string? url = null)
    {
        await page.EvaluateAsync("() => { window.__bananLeaving = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.__bananLeaving !== true && document.readyState === 'complete'", null, new() { PollingInterval = 50 });
        if (url is not null)
        {
            Assert.Matches(url, await page.EvaluateAsync<string>("() => location.href"));
        }
    }
}
