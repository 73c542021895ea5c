using CgtAtlas.Documents;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/documents/{id}</c>: numbered paragraphs with the brief beside; status, tags and a private note.</summary>
public sealed class DocumentModel(LibraryGate gate, IBriefProvider briefs, IFactsProvider facts) : PageModel
{
    /// <summary>The document.</summary>
    public StoredDocument Document { get; private set; } = null!;

    /// <summary>Its workspace state.</summary>
    public DocumentState State { get; private set; } = null!;

    /// <summary>Its brief.</summary>
    public DocumentBrief Brief { get; private set; } = null!;

    /// <summary>The language the brief is shown in (<c>en</c> or <c>zh</c>).</summary>
    public string BriefLanguageCode { get; private set; } = "en";

    /// <summary>Its facts and entities.</summary>
    public DocumentFacts Facts { get; private set; } = null!;

    /// <summary>Loads the document.</summary>
    public IActionResult OnGet(long id)
    {
        var loaded = gate.Run((library, workspace) => library.GetDocument(id) is { } d ? (d, workspace.GetState(id)) : default);
        if (loaded.d is null)
        {
            return NotFound();
        }

        (Document, State) = loaded;
        BriefLanguageCode = BriefLanguage.Of(HttpContext);
        Brief = briefs.GetBrief(Document, BriefLanguageCode);
        Facts = facts.GetFacts(Document);
        return Page();
    }

    /// <summary>Sets the review status.</summary>
    public IActionResult OnPostStatus(long id, string? status)
    {
        if (!WorkspaceCodes.TryParseStatus(status, out var parsed))
        {
            return BadRequest();
        }

        return gate.Run((_, w) => w.SetStatus(id, parsed)) ? Back(id, "workflow") : NotFound();
    }

    /// <summary>Adds a tag.</summary>
    public IActionResult OnPostTag(long id, string? name, string? type)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !WorkspaceCodes.TryParseTagType(type, out var tagType))
        {
            return Back(id, "workflow");
        }

        return gate.Run((_, w) => w.AddTag(id, name, tagType)) is null ? NotFound() : Back(id, "workflow");
    }

    /// <summary>Adds product and company tags from the knowledge base.</summary>
    public IActionResult OnPostAutoTags(long id)
    {
        if (AutoTagger.TryDefault(out _) is not { } tagger)
        {
            return Back(id, "workflow");
        }

        return gate.Run((library, w) => tagger.Apply(library, w, [id]).ContainsKey(id)) ? Back(id, "workflow") : NotFound();
    }

    /// <summary>Removes a tag.</summary>
    public IActionResult OnPostRemoveTag(long id, long tagId)
    {
        gate.Run((_, w) => w.RemoveTag(id, tagId));
        return Back(id, "workflow");
    }

    /// <summary>Saves the private note.</summary>
    public IActionResult OnPostNote(long id, string? note)
    {
        if (note is { Length: > 20000 })
        {
            note = note[..20000];
        }

        return gate.Run((_, w) => w.SetNote(id, note)) ? Back(id, "workflow") : NotFound();
    }

    private RedirectResult Back(long id, string anchor) => Redirect($"/documents/{id}#{anchor}");
}
