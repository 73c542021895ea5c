using CgtAtlas.Facts;
using CgtAtlas.Search;
using CgtAtlas.Web.Services;
using CgtAtlas.Workspace;
using Microsoft.AspNetCore.Mvc;

namespace CgtAtlas.Web.Api;

/// <summary>The JSON API under <c>/api</c>. Reads are open on loopback; every change needs the access token in a header.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps the API.</summary>
    public static void MapCgtApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("CgtAtlas");
        var write = api.MapGroup(string.Empty).AddEndpointFilter<RequireTokenFilter>().DisableAntiforgery();

        api.MapGet("/search", Search)
            .WithSummary("Search documents (same JSON as `cgt search --json`) with facet counts; `modality=` and `agency=` filter like the facets");
        api.MapGet("/documents/{id:long}", GetDocument).WithSummary("A document with its numbered paragraphs and workspace state");
        api.MapGet("/documents/{id:long}/brief", GetBrief).WithSummary("The Core Insights brief with [n] citations; `lang=zh` for the Chinese brief (default en)");
        api.MapGet("/documents/{id:long}/facts", GetFacts).WithSummary("Facts and linked entities (placeholder until Facts/Knowledge are merged)");
        write.MapPost("/documents", Upload).WithSummary("Upload files (multipart field `files`, optional `collection`); one result per file")
            .Accepts<IFormFileCollection>("multipart/form-data");
        write.MapPut("/documents/{id:long}/status", SetStatus).WithSummary("Set the review status: new, reviewing, done or archived");
        write.MapPut("/documents/{id:long}/note", SetNote).WithSummary("Set or clear the private note");
        write.MapPost("/documents/{id:long}/tags", AddTag).WithSummary("Add a typed tag");
        write.MapDelete("/documents/{id:long}/tags/{tagId:long}", RemoveTag).WithSummary("Remove a tag (an automatic tag removed stays removed)");
        write.MapPost("/documents/{id:long}/tags/auto", AutoTag)
            .WithSummary("Add product and company tags from the knowledge base (named in the title or at least twice in the body)");
        api.MapGet("/tags", (LibraryGate gate) => gate.Run((_, w) => w.ListTags().Select(t => new { tag = TagDto.From(t.Tag), documents = t.Documents }).ToList()))
            .WithSummary("All tags with document counts");
        api.MapGet("/topics", (LibraryGate gate) => gate.Run((_, w) => w.ListTopics().Select(TopicDto.From).ToList())).WithSummary("Topics (collections and tags)");
        write.MapPost("/topics", CreateTopic).WithSummary("Create a topic from a collection or tag name");
        api.MapGet("/saved-searches", ListSaved).WithSummary("Saved searches with counts of new documents");
        write.MapPost("/saved-searches", SaveSearch).WithSummary("Save a search");
        api.MapGet("/stats/approvals", ApprovalStats)
            .WithSummary("Approved CGT products by agency, modality and year, as of a date, each count listing its product records");
        api.MapGet("/stats/trials", TrialStats)
            .WithSummary("Imported ClinicalTrials.gov trials by country, modality, phase, status or year (`by=country,modality`), each count listing its NCT ids; `all=true` counts non-CGT trials too");
    }

    private static IResult ApprovalStats(string? agency, string? modality, string? asOf, int? recentYears)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out date))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid asOf", detail: $"'{asOf}' is not a date (yyyy-MM-dd).");
        }

        if (recentYears is < 1 or > 50)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid recentYears", detail: "recentYears must be 1-50.");
        }

        var report = CgtAtlas.Analytics.ApprovalStatistics.Compute(CgtAtlas.Knowledge.KnowledgeBase.Default, new CgtAtlas.Analytics.ApprovalQuery
        {
            Agency = agency,
            Modality = modality,
            AsOf = date,
            RecentYears = recentYears ?? 3,
        });
        return Results.Ok(report);
    }

    private static IResult TrialStats(TrialDashboard dashboard, string? by, bool? all)
    {
        var words = (by ?? string.Join(',', TrialDashboard.Charted)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dimensions = new List<string>();
        foreach (var word in words)
        {
            if (CgtAtlas.Analytics.TrialStatistics.NormalizeDimension(word) is not { } dimension)
            {
                return Results.Problem(statusCode: 400, title: "Invalid by",
                    detail: $"unknown dimension '{word}'; use one or more of: {string.Join(", ", CgtAtlas.Analytics.TrialStatistics.Dimensions)}");
            }

            dimensions.Add(dimension);
        }

        if (dimensions.Count == 0)
        {
            return Results.Problem(statusCode: 400, title: "Invalid by", detail: "name at least one dimension, e.g. by=country,modality");
        }

        return Results.Ok(dashboard.Report(dimensions.Distinct().ToList(), cgtOnly: all != true));
    }

    private static IResult Search(LibraryGate gate, SearchService search, string? q, int? limit, int? offset, string? sort, string? modality,
        string? agency)
    {
        var query = q ?? string.Empty;
        foreach (var (field, kind, value) in new[] { ("modality", SubjectKind.Modality, modality), ("agency", SubjectKind.Agency, agency) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (DocumentSubjects.Normalize(kind, value) is not { } canonical)
            {
                var known = kind == SubjectKind.Agency ? DocumentSubjects.Agencies : DocumentSubjects.Modalities;
                return Results.Problem(statusCode: 400, title: $"Unknown {field}", detail: $"'{value}' is not a {field}; use one of: {string.Join(", ", known)}");
            }

            query = $"{query} {field}:\"{canonical}\"".Trim();
        }

        var request = new SearchRequest
        {
            Query = query,
            Limit = limit ?? 10,
            Offset = offset ?? 0,
            Sort = string.Equals(sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance,
        };
        if (request.Limit is < 1 or > Library.MaxPageSize || request.Offset < 0)
        {
            return Results.Problem(statusCode: 400, title: "Invalid paging", detail: $"limit must be 1-{Library.MaxPageSize} and offset 0 or more");
        }

        try
        {
            var results = gate.Run((library, _) => library.Search(request));
            var facets = search.Search(new PageSearchRequest { Query = query, Limit = 1 });
            return Results.Ok(SearchResponse.From(results, SearchFacetsDto.From(facets)));
        }
        catch (QuerySyntaxException ex)
        {
            return InvalidQuery(ex);
        }
    }

    private static IResult GetDocument(LibraryGate gate, long id) => gate.Run((library, workspace) =>
        library.GetDocument(id) is { } document ? Results.Ok(DocumentDto.From(document, workspace.GetState(id))) : NoDocument(id));

    private static IResult GetBrief(LibraryGate gate, IBriefProvider briefs, long id, string? lang)
    {
        if (lang is not (null or "en" or "zh"))
        {
            return Results.Problem(statusCode: 400, title: "Invalid lang", detail: "lang must be 'en' or 'zh'");
        }

        return gate.Run((library, _) => library.GetDocument(id)) is { } document ? Results.Ok(briefs.GetBrief(document, lang ?? "en")) : NoDocument(id);
    }

    private static IResult GetFacts(LibraryGate gate, IFactsProvider facts, long id) =>
        gate.Run((library, _) => library.GetDocument(id)) is { } document ? Results.Ok(facts.GetFacts(document)) : NoDocument(id);

    private static async Task<IResult> Upload(HttpRequest request, UploadService uploads, CancellationToken cancellationToken)
    {
        if (request.ContentLength > uploads.Limits.MaxRequestBytes)
        {
            return Results.Problem(statusCode: 413, title: "Upload too large",
                detail: $"one upload may carry at most {uploads.Limits.MaxRequestBytes / 1048576} MiB; each file at most {uploads.Limits.MaxFileBytes / 1048576.0:0.#} MiB");
        }

        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: 400, title: "Expected multipart/form-data", detail: "send the files as multipart/form-data in the field 'files'");
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form.Files.Count == 0)
        {
            return Results.Problem(statusCode: 400, title: "No files", detail: "send at least one file in the field 'files'");
        }

        if (form.Files.Count > uploads.Limits.MaxFiles)
        {
            return Results.Problem(statusCode: 400, title: "Too many files", detail: $"at most {uploads.Limits.MaxFiles} files per upload");
        }

        var results = await uploads.IngestAsync(form.Files, form["collection"].FirstOrDefault(), cancellationToken).ConfigureAwait(false);
        return Results.Ok(results);
    }

    private static IResult SetStatus(LibraryGate gate, long id, StatusChange? change)
    {
        if (!WorkspaceCodes.TryParseStatus(change?.Status, out var status))
        {
            return Results.Problem(statusCode: 400, title: "Invalid status", detail: "status must be one of: new, reviewing, done, archived");
        }

        return gate.Run((_, workspace) => workspace.SetStatus(id, status) ? Results.Ok(WorkspaceDto.From(workspace.GetState(id))) : NoDocument(id));
    }

    private static IResult SetNote(LibraryGate gate, long id, NoteChange? change)
    {
        if (change?.Note is { Length: > 20000 })
        {
            return Results.Problem(statusCode: 400, title: "Note too long", detail: "a note may hold at most 20,000 characters");
        }

        return gate.Run((_, workspace) => workspace.SetNote(id, change?.Note) ? Results.Ok(WorkspaceDto.From(workspace.GetState(id))) : NoDocument(id));
    }

    private static IResult AddTag(LibraryGate gate, long id, TagRequest? tag)
    {
        if (string.IsNullOrWhiteSpace(tag?.Name) || tag.Name.Length > 100)
        {
            return Results.Problem(statusCode: 400, title: "Invalid tag", detail: "a tag needs a name of 1-100 characters");
        }

        if (!WorkspaceCodes.TryParseTagType(tag.Type ?? "industry", out var type))
        {
            return Results.Problem(statusCode: 400, title: "Invalid tag type", detail: "type must be one of: product, industry, company, person, event");
        }

        return gate.Run((_, workspace) => workspace.AddTag(id, tag.Name, type) is { } added ? Results.Ok(TagDto.From(added)) : NoDocument(id));
    }

    private static IResult AutoTag(LibraryGate gate, long id)
    {
        if (AutoTagger.TryDefault(out var problem) is not { } tagger)
        {
            return Results.Problem(statusCode: 503, title: "Knowledge base unavailable", detail: problem);
        }

        return gate.Run((library, workspace) => tagger.Apply(library, workspace, [id]).TryGetValue(id, out var added)
            ? Results.Ok(new AutoTagResult(added.Select(TagDto.From).ToList(), WorkspaceDto.From(workspace.GetState(id))))
            : NoDocument(id));
    }

    private static IResult RemoveTag(LibraryGate gate, long id, long tagId) =>
        gate.Run((_, workspace) => workspace.RemoveTag(id, tagId)) ? Results.NoContent()
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"document {id} has no tag {tagId}");

    private static IResult CreateTopic(LibraryGate gate, TopicRequest? topic)
    {
        if (string.IsNullOrWhiteSpace(topic?.Name) || topic.Name.Length > 100)
        {
            return Results.Problem(statusCode: 400, title: "Invalid topic", detail: "a topic needs a name of 1-100 characters");
        }

        var kind = (topic.Kind ?? "collection").Trim().ToLowerInvariant();
        if (kind is not ("collection" or "tag"))
        {
            return Results.Problem(statusCode: 400, title: "Invalid topic kind", detail: "kind must be 'collection' or 'tag'");
        }

        var created = gate.Run((_, w) => w.CreateTopic(topic.Name, kind == "tag" ? TopicKind.Tag : TopicKind.Collection));
        return Results.Created($"/api/topics/{created.Id}", TopicDto.From(created));
    }

    private static List<SavedSearchDto> ListSaved(LibraryGate gate, SearchService search) =>
        gate.Run((_, w) => w.ListSavedSearches()).Select(s => new SavedSearchDto(s.Id, s.Name, s.Query, s.LastOpenedAt,
            search.CountNewerThan(s.Query, s.LastSeenDocumentId))).ToList();

    private static IResult SaveSearch(LibraryGate gate, SavedSearchRequest? saved)
    {
        if (string.IsNullOrWhiteSpace(saved?.Query) || string.IsNullOrWhiteSpace(saved.Name) || saved.Name.Length > 100)
        {
            return Results.Problem(statusCode: 400, title: "Invalid saved search", detail: "a saved search needs a name (1-100 characters) and a query");
        }

        try
        {
            new QueryParser().Parse(saved.Query);
        }
        catch (QuerySyntaxException ex)
        {
            return InvalidQuery(ex);
        }

        var created = gate.Run((_, w) => w.SaveSearch(saved.Name, saved.Query));
        return Results.Created($"/api/saved-searches/{created.Id}", new SavedSearchDto(created.Id, created.Name, created.Query, created.LastOpenedAt, 0));
    }

    // The parser counts from 0 but its messages say "position 1" for the first character; the body uses the
    // message's 1-based count so a reader sees one number, not two.
    private static IResult InvalidQuery(QuerySyntaxException ex) =>
        Results.Problem(statusCode: 400, title: "Invalid query", detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["position"] = ex.Position + 1 });

    private static IResult NoDocument(long id) => Results.Problem(statusCode: 404, title: "Not found", detail: $"no document with id {id}");
}

/// <summary>Refuses API changes without the access token (401 with a ProblemDetails body).</summary>
internal sealed class RequireTokenFilter(AccessToken token) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (token.HeaderAuthorized(context.HttpContext))
        {
            return next(context);
        }

        // A wrong token is told apart from a missing one: the client that sent one needs to fix it, not add it.
        var offered = AccessToken.HeaderOffered(context.HttpContext);
        context.HttpContext.Response.Headers.WWWAuthenticate = offered ? "Bearer error=\"invalid_token\"" : "Bearer";
        return ValueTask.FromResult<object?>(offered
            ? Results.Problem(statusCode: 401, title: "Invalid token",
                detail: "invalid token: the token sent does not match the access token (CGT_TOKEN, or the token printed by `cgt serve` at first start)")
            : Results.Problem(statusCode: 401, title: "Token required",
                detail: "changes need the access token: send 'Authorization: Bearer <token>' (CGT_TOKEN, or the token printed by `cgt serve` at first start)"));
    }
}
