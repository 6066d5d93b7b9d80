using System.Text.Json.Nodes;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>Reads Server-Sent Events from a response body: each event's data, as JSON.</summary>
public sealed class SseReader(Stream body)
{
    private readonly StreamReader _reader = new(body);

    /// <summary>The next event whose data matches, within <paramref name="within"/>.</summary>
    public async Task<JsonNode> NextAsync(Func<JsonNode, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
                if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonNode.Parse(line[6..]) is { } data && match(data))
                {
                    return data;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"no matching event within {within.TotalSeconds} s");
        }
    }
}
