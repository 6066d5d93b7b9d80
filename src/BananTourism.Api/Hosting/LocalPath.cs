namespace BananTourism.Api.Hosting;

/// <summary>Where a page may send someone back to: a path of this site, never another host.</summary>
public static class LocalPath
{
    /// <summary><paramref name="returnUrl"/> when it is a local path ("/…", but not "//host", "/\host" or with
    /// control characters, which browsers read as another host), else <paramref name="fallback"/>.</summary>
    public static string Or(string? returnUrl, string fallback = "/") =>
        returnUrl is { Length: > 0 } r
        && r[0] == '/'
        && (r.Length == 1 || (r[1] != '/' && r[1] != '\\'))
        && !r.Any(char.IsControl)
            ? r
            : fallback;
}
