using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CgtAtlas.Web.Services;

/// <summary>
/// The token that guards every change (upload, status, tags, notes, topics, saved searches). It comes from
/// <c>CGT_TOKEN</c> (or <c>Cgt:Token</c>) when set; otherwise one is generated at first start, stored in the library
/// and printed once. API clients send it as <c>Authorization: Bearer …</c> or <c>X-CGT-Token</c>; the browser pages
/// exchange it once (at <c>/unlock</c>) for an HttpOnly, SameSite=Strict cookie holding its hash.
/// </summary>
public sealed class AccessToken
{
    /// <summary>The cookie the pages use after unlocking.</summary>
    public const string CookieName = "cgt_auth";

    /// <summary>The workspace setting the generated token is kept under.</summary>
    public const string SettingKey = "access_token";

    private readonly byte[] _token;
    private readonly string _cookieValue;

    /// <summary>Creates the guard for <paramref name="token"/>.</summary>
    public AccessToken(string token, bool configured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = Encoding.UTF8.GetBytes(token);
        _cookieValue = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("cgt-cookie:" + token)));
        Configured = configured;
    }

    /// <summary>True when the token came from configuration (<c>CGT_TOKEN</c>), not generated.</summary>
    public bool Configured { get; }

    /// <summary>The cookie value proving the browser was unlocked.</summary>
    public string CookieValue => _cookieValue;

    /// <summary>A new random token (URL-safe).</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>True when <paramref name="candidate"/> is the token (constant-time comparison).</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), _token);

    /// <summary>True when the request offers a token in a header at all, right or wrong.</summary>
    public static bool HeaderOffered(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers.Authorization.Count > 0 || context.Request.Headers.ContainsKey("X-CGT-Token");
    }

    /// <summary>True when the request carries the token in a header (API clients).</summary>
    public bool HeaderAuthorized(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..]))
        {
            return true;
        }

        return Matches(context.Request.Headers["X-CGT-Token"].FirstOrDefault());
    }

    /// <summary>True when the browser has unlocked (cookie) — for pages, whose forms also carry antiforgery tokens.</summary>
    public bool CookieAuthorized(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cookie = context.Request.Cookies[CookieName];
        return cookie is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(_cookieValue));
    }

    /// <summary>True when the request comes from this machine (loopback, or an in-process test host).</summary>
    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
