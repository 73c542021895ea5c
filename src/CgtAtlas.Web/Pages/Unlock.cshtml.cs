using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/unlock</c>: exchanges the access token for an HttpOnly, SameSite=Strict cookie; <c>Lock</c> drops it.</summary>
public sealed class UnlockModel(AccessToken token) : PageModel
{
    /// <summary>Where to go afterwards (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True after a wrong token.</summary>
    public bool Wrong { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the token and sets the cookie.</summary>
    public IActionResult OnPost(string? accessToken)
    {
        if (!token.Matches(accessToken))
        {
            Wrong = true;
            Response.StatusCode = 401;
            return Page();
        }

        Response.Cookies.Append(AccessToken.CookieName, token.CookieValue, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>Forgets the unlock.</summary>
    public IActionResult OnPostLock()
    {
        Response.Cookies.Delete(AccessToken.CookieName);
        return LocalRedirect("/");
    }
}
