using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/saved/{id}</c>: opens a saved search (and, when unlocked, resets its "new since last opened" count).</summary>
public sealed class SavedModel(LibraryGate gate, AccessToken token) : PageModel
{
    /// <summary>Marks the search opened and shows its results.</summary>
    public IActionResult OnGet(long id)
    {
        var saved = gate.Run((_, w) => w.GetSavedSearch(id));
        if (saved is null)
        {
            return NotFound();
        }

        if (token.CookieAuthorized(HttpContext))
        {
            gate.Run((_, w) =>
            {
                w.MarkOpened(id);
                return 0;
            });
        }

        return Redirect("/search?q=" + Uri.EscapeDataString(saved.Query));
    }
}
