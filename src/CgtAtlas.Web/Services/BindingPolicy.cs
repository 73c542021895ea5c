using System.Net;

namespace CgtAtlas.Web.Services;

/// <summary>Start-up rule: listening beyond this machine needs a configured token.</summary>
public static class BindingPolicy
{
    /// <summary>The address <c>cgt serve</c> listens on unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>True when every URL in <paramref name="urls"/> (separated by ';') binds a loopback address.</summary>
    public static bool IsLoopbackOnly(string? urls)
    {
        foreach (var raw in (urls ?? DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(raw);
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!IPAddress.TryParse(host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="urls"/> reach beyond loopback and no token is configured.</summary>
    /// <exception cref="InvalidOperationException">The binding is refused.</exception>
    public static void Check(string? urls, bool tokenConfigured)
    {
        if (!tokenConfigured && !IsLoopbackOnly(urls))
        {
            throw new InvalidOperationException(
                $"refusing to listen on '{urls}' without a token: set CGT_TOKEN (anyone who can reach the address could otherwise read and change the library), or listen on 127.0.0.1");
        }
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            rest = rest[..slash];
        }

        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[..(close + 1)] : rest;
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
