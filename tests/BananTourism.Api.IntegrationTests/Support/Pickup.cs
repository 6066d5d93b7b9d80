using System.Text.Json.Nodes;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>Reads the messages the Api wrote to its pickup folder (Notifications:PickupDirectory), as a person
/// would read their phone.</summary>
public static class Pickup
{
    /// <summary>Every message in the folder sent to <paramref name="to"/> with <paramref name="template"/>.</summary>
    public static IReadOnlyList<JsonNode> MessagesTo(string folder, string to, string template = "phoneCode") =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*.json")
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
                .Where(m => m.Get<string>("to") == to && m.Get<string>("template") == template)
                .ToList();

    /// <summary>The 6-digit code of the one phone code message to <paramref name="phone"/> not among <paramref name="seen"/>.</summary>
    public static string NewCode(string folder, string phone, IReadOnlyCollection<string> seen)
    {
        var fresh = MessagesTo(folder, phone).Where(m => !seen.Contains(m.Get<string>("id"))).ToList();
        Assert.True(fresh.Count == 1, $"expected one new code for {phone}, found {fresh.Count}");
        return CodeIn(fresh[0].Get<string>("body"));
    }

    public static IReadOnlyList<string> Ids(string folder, string phone) => MessagesTo(folder, phone).Select(m => m.Get<string>("id")).ToList();

    public static string CodeIn(string body) => System.Text.RegularExpressions.Regex.Match(body, @"\b\d{6}\b").Value;
}
