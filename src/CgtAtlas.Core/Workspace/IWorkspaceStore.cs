namespace CgtAtlas.Workspace;

/// <summary>
/// The analyst's workspace beside the library: review status, typed tags, private notes, topics, saved searches and
/// settings. Implementations are not required to be thread-safe; callers serialise access.
/// </summary>
public interface IWorkspaceStore : IDisposable
{
    /// <summary>The state of one document (status <see cref="ReviewStatus.New"/> and no tags when never touched).</summary>
    DocumentState GetState(long documentId);

    /// <summary>States of several documents at once.</summary>
    IReadOnlyDictionary<long, DocumentState> GetStates(IReadOnlyCollection<long> documentIds);

    /// <summary>Sets the review status; returns false when the document does not exist.</summary>
    bool SetStatus(long documentId, ReviewStatus status);

    /// <summary>Sets (or clears, with null or blank) the private note; returns false when the document does not exist.</summary>
    bool SetNote(long documentId, string? note);

    /// <summary>Adds a tag (created when new) to a document; returns the tag, or null when the document does not exist.</summary>
    Tag? AddTag(long documentId, string name, TagType type);

    /// <summary>
    /// Removes a tag from a document; returns false when it was not there. The removal is remembered, so
    /// <see cref="AddAutomaticTags"/> never puts the same tag back on that document.
    /// </summary>
    bool RemoveTag(long documentId, long tagId);

    /// <summary>
    /// Adds tags found automatically (marked as such), skipping ones the document already has and ones a person removed
    /// from it; returns the tags added. Does nothing for a document that does not exist.
    /// </summary>
    IReadOnlyList<Tag> AddAutomaticTags(long documentId, IReadOnlyList<(string Name, TagType Type)> tags);

    /// <summary>
    /// <see cref="AddAutomaticTags"/> for many documents in one
    /// transaction; returns the tags added per document that exists.
    /// </summary>
    IReadOnlyDictionary<long, IReadOnlyList<Tag>> AddAutomaticTagsToMany(IReadOnlyList<(long DocumentId, IReadOnlyList<(string Name, TagType Type)> Tags)> batch);

    /// <summary>All tags with the number of documents carrying each.</summary>
    IReadOnlyList<(Tag Tag, int Documents)> ListTags();

    /// <summary>Counts per status over the given documents.</summary>
    StatusCounts CountStatuses(IReadOnlyCollection<long> documentIds);

    /// <summary>Topics, including one for every collection in the library.</summary>
    IReadOnlyList<Topic> ListTopics();

    /// <summary>One topic, or null.</summary>
    Topic? GetTopic(long id);

    /// <summary>Creates a topic (or returns the existing one with the same kind and name).</summary>
    Topic CreateTopic(string name, TopicKind kind);

    /// <summary>Ids of the documents in a topic, newest publication first.</summary>
    IReadOnlyList<long> TopicDocumentIds(Topic topic);

    /// <summary>Collections of several documents.</summary>
    IReadOnlyDictionary<long, IReadOnlyList<string>> CollectionsOf(IReadOnlyCollection<long> documentIds);

    /// <summary>Saved searches, newest first.</summary>
    IReadOnlyList<SavedSearch> ListSavedSearches();

    /// <summary>One saved search, or null.</summary>
    SavedSearch? GetSavedSearch(long id);

    /// <summary>Saves a search (opened now).</summary>
    SavedSearch SaveSearch(string name, string query);

    /// <summary>Records that a saved search was opened now: later documents count as new from here on.</summary>
    void MarkOpened(long id);

    /// <summary>Deletes a saved search.</summary>
    bool DeleteSavedSearch(long id);

    /// <summary>The highest document id in the library (0 when empty).</summary>
    long MaxDocumentId();

    /// <summary>A workspace setting, or null.</summary>
    string? GetSetting(string key);

    /// <summary>Sets a workspace setting.</summary>
    void SetSetting(string key, string value);
}
