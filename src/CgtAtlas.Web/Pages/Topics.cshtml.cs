using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CgtAtlas.Web.Pages;

/// <summary><c>/topics</c>: every collection and tag topic, and a form to create one.</summary>
public sealed class TopicsModel(LibraryGate gate) : PageModel
{
    /// <summary>Topics.</summary>
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    /// <summary>Lists topics.</summary>
    public void OnGet() => Topics = gate.Run((_, w) => w.ListTopics());

    /// <summary>Creates a topic and opens it.</summary>
    public IActionResult OnPost(string? name, string? kind)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return RedirectToPage();
        }

        var topic = gate.Run((_, w) => w.CreateTopic(name, kind == "tag" ? TopicKind.Tag : TopicKind.Collection));
        return Redirect($"/topics/{topic.Id}");
    }
}
