namespace BananTourism.Api.Pages;

/// <summary>Names the pages' resource files (<c>Resources/Pages/PageText*.resx</c>) for <c>IStringLocalizer</c>.</summary>
public sealed class PageText;
