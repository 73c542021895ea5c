namespace CgtAtlas.Web.Services;

/// <summary>
/// The interface language of one request (English or Chinese), chosen with the switch in the header and remembered
/// in the <c>cgt_lang</c> cookie, with the strings of the pages in both languages.
/// </summary>
public sealed class Ui
{
    /// <summary>The cookie remembering the language.</summary>
    public const string CookieName = "cgt_lang";

    private static readonly Dictionary<string, (string En, string Zh)> s_texts = new(StringComparer.Ordinal)
    {
        ["brand.tagline"] = ("Cell & gene therapy workbench", "细胞与基因治疗工作台"),
        ["nav.search"] = ("Search", "搜索"),
        ["nav.topics"] = ("Topics", "主题"),
        ["nav.upload"] = ("Add documents", "添加文档"),
        ["nav.landscape"] = ("Landscape", "格局"),
        ["nav.api"] = ("API", "API"),
        ["skip"] = ("Skip to content", "跳到正文"),
        ["unlock"] = ("Unlock editing", "解锁编辑"),
        ["unlocked"] = ("Editing unlocked", "已解锁编辑"),
        ["lock"] = ("Lock", "锁定"),
        ["search.placeholder"] = ("CAR-T 价格, 溶瘤病毒 OR oncolytic, title:NMPA …", "CAR-T 价格、溶瘤病毒 OR oncolytic、title:NMPA …"),
        ["search.button"] = ("Search", "搜索"),
        ["search.documents"] = ("Search documents", "搜索文档"),
        ["search.results"] = ("{0} documents", "共 {0} 篇文档"),
        ["search.results.about"] = ("about {0:N0} documents", "约 {0:N0} 篇文档"),
        ["search.recency"] = ("Broad query: the newest matches are shown first, title matches on top. Add words or filters to rank by relevance.",
            "查询范围较广：先显示最新的匹配文档，标题匹配者在前。添加词语或筛选条件即可按相关度排序。"),
        ["search.none"] = ("No documents match.", "没有匹配的文档。"),
        ["search.invalid"] = ("The query cannot be read", "无法解析查询"),
        ["search.sort"] = ("Sort", "排序"),
        ["sort.relevance"] = ("Relevance", "相关度"),
        ["sort.newest"] = ("Newest", "最新"),
        ["filter.language"] = ("Language", "语言"),
        ["filter.collection"] = ("Collection", "集合"),
        ["filter.source"] = ("Source", "来源"),
        ["filter.modality"] = ("Modality", "疗法类型"),
        ["filter.agency"] = ("Agency", "监管机构"),
        ["filter.dates"] = ("Published", "发布日期"),
        ["filter.from"] = ("From", "起"),
        ["filter.to"] = ("To", "止"),
        ["filter.apply"] = ("Apply", "应用"),
        ["filter.clear"] = ("Clear filters", "清除筛选"),
        ["filter.remove"] = ("Remove filter", "移除筛选"),
        ["lang.zh"] = ("Chinese", "中文"),
        ["lang.en"] = ("English", "英文"),
        ["lang.mixed"] = ("Mixed", "中英混合"),
        ["lang.unknown"] = ("Unknown", "未知"),
        ["page.prev"] = ("Previous", "上一页"),
        ["page.next"] = ("Next", "下一页"),
        ["page.of"] = ("Page {0} of {1}", "第 {0} / {1} 页"),
        ["similar"] = ("+{0} similar", "另有 {0} 篇相似"),
        ["save.search"] = ("Save this search", "保存此搜索"),
        ["save.name"] = ("Name", "名称"),
        ["saved.title"] = ("Saved searches", "已保存的搜索"),
        ["saved.new"] = ("{0} new since last opened", "自上次打开后新增 {0} 篇"),
        ["saved.none"] = ("No saved searches yet. Run a search and save it.", "还没有保存的搜索。搜索后即可保存。"),
        ["home.title"] = ("Search the library", "搜索文库"),
        ["home.stats"] = ("{0} documents · {1} paragraphs · {2} collections", "{0} 篇文档 · {1} 个段落 · {2} 个集合"),
        ["home.examples"] = ("Try", "试试"),
        ["doc.paragraphs"] = ("Paragraphs", "段落"),
        ["doc.brief"] = ("Core Insights", "核心要点"),
        ["doc.facts"] = ("Facts and entities", "事实与实体"),
        ["doc.workflow"] = ("Review", "审阅"),
        ["doc.status"] = ("Status", "状态"),
        ["doc.tags"] = ("Tags", "标签"),
        ["doc.addtag"] = ("Add tag", "添加标签"),
        ["doc.removetag"] = ("Remove tag {0}", "移除标签 {0}"),
        ["doc.note"] = ("Private note", "私人笔记"),
        ["doc.savenote"] = ("Save note", "保存笔记"),
        ["doc.original"] = ("Original", "原文链接"),
        ["doc.nearcopy"] = ("Near-copy of document {0}", "与文档 {0} 近似重复"),
        ["doc.locked"] = ("Unlock editing to change status, tags and notes.", "解锁编辑后可修改状态、标签和笔记。"),
        ["doc.notfound"] = ("No such document.", "没有这篇文档。"),
        ["status.new"] = ("New", "新"),
        ["status.reviewing"] = ("Reviewing", "审阅中"),
        ["status.done"] = ("Done", "已完成"),
        ["status.archived"] = ("Archived", "已归档"),
        ["tag.auto"] = ("automatic", "自动"),
        ["brief.language"] = ("Brief language", "要点语言"),
        ["doc.autotags"] = ("Tag products and companies from the knowledge base", "按知识库标注产品与公司"),
        ["tag.product"] = ("Product", "产品"),
        ["tag.industry"] = ("Industry", "行业"),
        ["tag.company"] = ("Company", "公司"),
        ["tag.person"] = ("Person", "人物"),
        ["tag.event"] = ("Event", "事件"),
        ["topics.title"] = ("Topics", "主题"),
        ["topics.none"] = ("No topics yet: ingest documents into a collection, or create a topic from a tag.", "还没有主题：将文档导入某个集合，或以标签创建主题。"),
        ["topics.create"] = ("New topic", "新建主题"),
        ["topics.kind.collection"] = ("Collection", "集合"),
        ["topics.kind.tag"] = ("Tag", "标签"),
        ["topics.documents"] = ("{0} documents", "{0} 篇文档"),
        ["topics.document"] = ("1 document", "1 篇文档"),
        ["topics.all"] = ("All topics", "全部主题"),
        ["topic.workflow"] = ("Workflow", "工作流"),
        ["topic.all"] = ("All", "全部"),
        ["upload.title"] = ("Add documents", "添加文档"),
        ["upload.help"] = ("Formats: {0}. Up to {1} MB per file. Each file is stored completely or not at all.", "支持格式：{0}。每个文件最大 {1} MB。每个文件要么完整保存，要么不保存。"),
        ["upload.files"] = ("Files", "文件"),
        ["upload.collection"] = ("Collection (optional)", "集合（可选）"),
        ["upload.button"] = ("Upload", "上传"),
        ["upload.stored"] = ("stored as document {0}", "已保存为文档 {0}"),
        ["upload.duplicate"] = ("already in the library (document {0})", "文库中已有（文档 {0}）"),
        ["upload.failed"] = ("failed", "失败"),
        ["landscape.title"] = ("Landscape", "格局"),
        ["landscape.chart"] = ("Approved CGT products per year, by modality", "按疗法类型的年度获批CGT产品"),
        ["landscape.trials"] = ("CGT clinical trials", "CGT临床试验"),
        ["landscape.trials.count"] = ("{0} imported from ClinicalTrials.gov", "{0} 项，来自ClinicalTrials.gov"),
        ["landscape.trials.all"] = ("all records", "全部记录"),
        ["landscape.trials.none"] = ("No trials imported yet: cgt --db LIB import ctgov FILES (ClinicalTrials.gov API v2 JSON).", "尚未导入试验：cgt --db LIB import ctgov FILES（ClinicalTrials.gov API v2 JSON）。"),
        ["landscape.trials.by.country"] = ("Trials by country (a trial in several countries counts in each)", "按国家（多国试验在每个国家各计一次）"),
        ["landscape.trials.by.modality"] = ("Trials by modality", "按疗法类型"),
        ["trials.title"] = ("Trial records", "试验记录"),
        ["trials.filter"] = ("Filtered by", "筛选条件"),
        ["trials.unknown"] = ("No chart bar has this value.", "图表中没有此项。"),
        ["trials.col.nct"] = ("NCT id", "NCT编号"),
        ["trials.col.title"] = ("Title", "标题"),
        ["trials.col.sponsor"] = ("Lead sponsor", "申办方"),
        ["trials.col.phase"] = ("Phase", "分期"),
        ["trials.col.status"] = ("Status", "状态"),
        ["trials.col.start"] = ("Start", "开始"),
        ["trials.col.countries"] = ("Countries", "国家"),
        ["trials.col.conditions"] = ("Conditions", "适应症"),
        ["landscape.products"] = ("Products", "产品"),
        ["landscape.clear"] = ("clear filter", "清除筛选"),
        ["landscape.col.product"] = ("Product", "产品"),
        ["landscape.col.sponsor"] = ("Sponsor", "企业"),
        ["landscape.col.modality"] = ("Modality", "疗法类型"),
        ["landscape.col.target"] = ("Target", "靶点"),
        ["landscape.col.date"] = ("Approved", "获批日期"),
        ["landscape.col.type"] = ("Type", "批准类型"),
        ["landscape.col.price"] = ("List price", "价格"),
        ["landscape.col.source"] = ("Source", "来源"),
        ["landscape.source"] = ("source", "来源"),
        ["unlock.title"] = ("Unlock editing", "解锁编辑"),
        ["unlock.help"] = ("Changes (uploads, status, tags, notes, topics) need the access token printed by `cgt serve` at first start, or CGT_TOKEN.", "修改（上传、状态、标签、笔记、主题）需要访问令牌：首次运行 `cgt serve` 时打印，或设置 CGT_TOKEN。"),
        ["unlock.token"] = ("Access token", "访问令牌"),
        ["unlock.wrong"] = ("That token is not right.", "令牌不正确。"),
        ["error.title"] = ("Something went wrong", "出错了"),
        ["error.notfound"] = ("Page not found", "页面不存在"),
    };

    /// <summary>Creates the strings for <paramref name="language"/> (<c>en</c> or <c>zh</c>).</summary>
    public Ui(string language) => Language = language == "zh" ? "zh" : "en";

    /// <summary><c>en</c> or <c>zh</c>.</summary>
    public string Language { get; }

    /// <summary>True for Chinese.</summary>
    public bool IsZh => Language == "zh";

    /// <summary>The BCP 47 tag for <c>&lt;html lang&gt;</c>.</summary>
    public string HtmlLang => IsZh ? "zh-CN" : "en";

    /// <summary>The string for <paramref name="key"/> (the key itself when unknown).</summary>
    public string this[string key] => s_texts.TryGetValue(key, out var text) ? (IsZh ? text.Zh : text.En) : key;

    /// <summary>The formatted string for <paramref name="key"/>.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>"N documents", singular when N is 1.</summary>
    public string Documents(int count) => count == 1 ? this["topics.document"] : Format("topics.documents", count);

    /// <summary>Every key (for tests: both languages must have every string).</summary>
    internal static IEnumerable<(string Key, string En, string Zh)> All => s_texts.Select(p => (p.Key, p.Value.En, p.Value.Zh));

    /// <summary>The language of a request: its cookie, else its Accept-Language, else English.</summary>
    public static Ui For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cookie = context.Request.Cookies[CookieName];
        if (cookie is "zh" or "en")
        {
            return new Ui(cookie);
        }

        var accept = context.Request.Headers.AcceptLanguage.ToString();
        return new Ui(accept.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en");
    }
}
