using AngleSharp.Dom;

namespace CgtAtlas.Ingest.Readers;

/// <summary>
/// Walks an HTML tree (iteratively: hostile pages nest thousands of levels) and yields the text of its block
/// elements in reading order, skipping boilerplate that main-content extraction may leave behind.
/// </summary>
public static class HtmlBlockExtractor
{
    /// <summary>Deepest element nesting accepted. Real pages stay under ~60 levels; AngleSharp itself caps the tree at 512, and main-content heuristics slow down badly on such trees, so deeper pages are refused.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> s_leafBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "PRE", "DT", "DD", "FIGCAPTION", "TR", "BLOCKQUOTE", "CAPTION",
    };

    private static readonly HashSet<string> s_containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "PRE", "DT", "DD", "FIGCAPTION", "TR", "BLOCKQUOTE", "DIV", "SECTION",
        "ARTICLE", "TABLE", "UL", "OL", "DL", "MAIN", "FIGURE", "TBODY", "THEAD", "HEADER", "FOOTER", "ASIDE", "NAV", "FORM", "CAPTION",
    };

    private static readonly HashSet<string> s_dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "IFRAME", "NAV", "FOOTER", "ASIDE", "FORM", "BUTTON", "SELECT", "TEMPLATE", "SVG", "CANVAS",
        "OBJECT", "EMBED", "INPUT", "TEXTAREA", "HEAD",
    };

    private static readonly string[] s_boilerplateHints =
    [
        "related", "recommend", "share", "social", "advert", "sponsor", "cookie", "comment", "breadcrumb", "subscribe",
        "newsletter", "footer", "sidebar", "menu", "nav", "banner", "popup", "copyright", "xiangguan", "tuijian",
    ];

    /// <summary>Depth of the deepest element, computed without recursion.</summary>
    public static int MaxElementDepth(IElement root)
    {
        var max = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            max = Math.Max(max, depth);
            if (max > MaxDepth)
            {
                return max;
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return max;
    }

    /// <summary>True for elements whose class or id marks them as navigation, ads, share bars or related-article lists.</summary>
    public static bool IsBoilerplate(IElement element)
    {
        if (s_dropped.Contains(element.TagName))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary")
        {
            return true;
        }

        var marker = $"{element.ClassName} {element.Id}";
        if (marker.Length <= 1)
        {
            return false;
        }

        marker = marker.ToLowerInvariant();
        foreach (var hint in s_boilerplateHints)
        {
            if (marker.Contains(hint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return marker.Split(' ', '-', '_').Any(part => part is "ad" or "ads" or "adv" or "gg");
    }

    /// <summary>Yields block texts under <paramref name="root"/> in document order.</summary>
    public static IEnumerable<string> Blocks(IElement root)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText loose)
            {
                if (!string.IsNullOrWhiteSpace(loose.Data))
                {
                    yield return loose.Data;
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            if (IsBoilerplate(element))
            {
                continue;
            }

            if (element.TagName == "TR")
            {
                var cells = element.Children.Where(c => c.TagName is "TD" or "TH").Select(c => Collapse(c.TextContent)).Where(t => t.Length > 0);
                yield return string.Join(" | ", cells);
                continue;
            }

            if (s_leafBlocks.Contains(element.TagName) && !HasBlockChild(element))
            {
                yield return TextOf(element);
                continue;
            }

            // A div that holds text directly (common on Chinese news sites) is a paragraph too.
            if (!s_leafBlocks.Contains(element.TagName) && HasDirectText(element) && !HasBlockChild(element))
            {
                yield return TextOf(element);
                continue;
            }

            // Mixed content (loose text between blocks): descend; loose text nodes are yielded when popped.
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(element.ChildNodes[i]);
            }
        }
    }

    private static bool HasDirectText(IElement element) =>
        element.ChildNodes.Any(n => n is IText t && !string.IsNullOrWhiteSpace(t.Data));

    private static bool HasBlockChild(IElement element)
    {
        var stack = new Stack<IElement>(element.Children);
        while (stack.Count > 0)
        {
            var child = stack.Pop();
            if (s_containers.Contains(child.TagName))
            {
                return true;
            }

            foreach (var grandChild in child.Children)
            {
                stack.Push(grandChild);
            }
        }

        return false;
    }

    /// <summary>Text of an element with &lt;br&gt; as a line break and dropped elements (scripts) removed.</summary>
    private static string TextOf(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement { TagName: "BR" }:
                    builder.Append('\n');
                    break;
                case IElement child when child == element || !s_dropped.Contains(child.TagName):
                    for (var i = child.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push(child.ChildNodes[i]);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
