using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BananTourism.Api.IntegrationTests;

/// <summary>The pages' words live in resource files (issue 18): both languages have every word, none is empty, and
/// every word the pages ask for by name exists (a missing one would show its key to a tourist).</summary>
public partial class PageTextTests
{
    private static readonly string Root = FindRoot();

    private static Dictionary<string, string> Resx(string name) =>
        XDocument.Load(Path.Combine(Root, "src", "BananTourism.Api", "Resources", "Pages", name)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void ChineseAndEnglish_HaveTheSameWords_NoneEmpty_AndTheSamePlaceholders()
    {
        var zh = Resx("PageText.resx");
        var en = Resx("PageText.en.resx");
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.DoesNotContain(zh, w => string.IsNullOrWhiteSpace(w.Value));
        Assert.DoesNotContain(en, w => string.IsNullOrWhiteSpace(w.Value));
        foreach (var (key, chinese) in zh)
        {
            Assert.True(
                Placeholders().Matches(chinese).Select(m => m.Value).Distinct().Order().SequenceEqual(Placeholders().Matches(en[key]).Select(m => m.Value).Distinct().Order()),
                $"{key}: the placeholders differ between «{chinese}» and «{en[key]}»");
        }
    }

    [Fact]
    public void EveryWordThePagesAskForByName_Exists()
    {
        var words = Resx("PageText.resx");
        var pages = Path.Combine(Root, "src", "BananTourism.Api", "Pages");
        var missing = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !words.ContainsKey(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();

    /// <summary>T("Key") and T("Key", …) with a literal key (keys built at run time, such as "Err." + code, are not seen).</summary>
    [GeneratedRegex(@"\bT\(""([A-Za-z][A-Za-z0-9_.]*)""[,)]")]
    private static partial Regex Asked();

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BananTourism.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("The repository root (BananTourism.sln) was not found above the test's folder.");
    }
}
