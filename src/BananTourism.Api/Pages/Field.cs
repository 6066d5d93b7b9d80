namespace BananTourism.Api.Pages;

/// <summary>One labelled input with its hint and its error next to it (Shared/_Field.cshtml).</summary>
public sealed record Field(
    string Name, string InputName, string Label, string? Value, FormErrors Errors,
    string Type = "text", string? Autocomplete = null, string? Hint = null)
{
    public string? Min { get; init; }

    public string? Max { get; init; }

    public bool Required { get; init; } = true;

    public bool Autofocus { get; init; }

    public string? Step { get; init; }

    public string Id => "f-" + Name.Replace('.', '-');

    public string ErrorId => "err-" + Name.Replace('.', '-');

    public string HintId => "hint-" + Name.Replace('.', '-');
}
