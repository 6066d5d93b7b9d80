using System.Text.RegularExpressions;

namespace BananTourism.Browser.Tests;

/// <summary>Keeps issue 11 from coming back: no browser test starts waiting for a page only after it has
/// clicked or pressed the key that opens it (see <see cref="Navigation.NavigateByAsync"/>).</summary>
public partial class NavigationRuleTests
{
    [Fact]
    public void BrowserTests_NeverWaitForAPageAfterTheActionThatOpensIt()
    {
        var folder = Path.GetDirectoryName(BrowserFixture.Artifacts("screenshots"))!;
        var project = Path.Combine(Path.GetDirectoryName(folder)!, "tests", "BananTourism.Browser.Tests");
        var offenders = Directory.EnumerateFiles(project, "*.cs")
            .Where(file => Path.GetFileName(file) is not (nameof(Navigation) + ".cs" or nameof(NavigationRuleTests) + ".cs"))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => RacyWait().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(File.Exists(Path.Combine(project, nameof(NavigationRuleTests) + ".cs")), $"the browser tests' sources are not in {project}");
        Assert.True(offenders.Count == 0, "use NavigateByAsync instead:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"\.(WaitForURLAsync|WaitForNavigationAsync|WaitForLoadStateAsync)\(")]
    private static partial Regex RacyWait();
}
