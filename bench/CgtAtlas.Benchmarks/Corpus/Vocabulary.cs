using System.Globalization;

namespace CgtAtlas.Benchmarks.Corpus;

/// <summary>
/// Word lists of the synthetic corpus: real CGT names and terms in both languages (so glossary expansion, identifiers
/// and Chinese words are exercised as in real news), a Chinese filler lexicon taken from jieba's frequency dictionary
/// (real words with real frequencies, so common characters such as 的/是/在 have realistic posting-list sizes), and an
/// English filler lexicon of common words plus generated pseudo-words (a few thousand distinct words in all).
/// </summary>
internal sealed class Vocabulary
{
    public static readonly string[] ZhCompanies =
    [
        "药明巨诺", "复星凯特", "传奇生物", "科济药业", "合源生物", "驯鹿生物", "恒润达生", "艺妙神州", "北恒生物", "亘喜生物",
        "永泰生物", "天科雅生物", "信念医药", "纽福斯生物", "中因科技", "和元生物", "金斯瑞", "博雅辑因", "邦耀生物", "瑞风生物",
        "亦诺微医药", "滨会生物", "原启生物", "普瑞金生物", "重庆精准生物", "沙砾生物", "吉凯基因", "至善唯新", "诺华中国", "百时美施贵宝",
        "嘉因生物", "本导基因", "中源协和", "西比曼生物", "优卡迪生物", "英百瑞", "天泽云泰", "康霖生物", "朗信启昇", "星奥拓维",
    ];

    public static readonly string[] EnCompanies =
    [
        "Novartis", "Kite Pharma", "Bristol Myers Squibb", "Legend Biotech", "Janssen", "Vertex Pharmaceuticals", "CRISPR Therapeutics",
        "Intellia Therapeutics", "bluebird bio", "Sarepta Therapeutics", "Spark Therapeutics", "Allogene Therapeutics", "Autolus",
        "Adaptimmune", "Iovance Biotherapeutics", "Beam Therapeutics", "Poseida Therapeutics", "Arcellx", "Cargo Therapeutics",
        "uniQure", "BioMarin", "Replimune", "CG Oncology", "Krystal Biotech", "Rocket Pharmaceuticals", "Caribou Biosciences",
        "Fate Therapeutics", "Nkarta", "Cabaletta Bio", "Kyverna Therapeutics", "Gracell Biotechnologies", "CARsgen Therapeutics",
        "JW Therapeutics", "Regenxbio", "Ultragenyx", "Passage Bio", "Solid Biosciences", "Capsida Biotherapeutics", "Orca Bio", "Tessa",
    ];

    public static readonly string[] ZhProducts =
    [
        "阿基仑赛注射液", "瑞基奥仑赛注射液", "伊基奥仑赛注射液", "泽沃基奥仑赛注射液", "纳基奥仑赛注射液", "赛恺泽", "福可苏", "倍诺达",
        "奕凯达", "源瑞达", "雅恺达", "普基奥仑赛注射液", "艾伏尼布", "重组人5型腺病毒注射液", "安柯瑞", "溶瘤病毒OH2注射液",
        "BRL-101", "CT103A", "CT041", "JWCAR029", "GC012F", "EXG001-307", "VGB-R04", "LX101", "ZVS101e", "BBM-H901",
    ];

    public static readonly string[] EnProducts =
    [
        "Kymriah", "Yescarta", "Carvykti", "Abecma", "Breyanzi", "Tecartus", "Zolgensma", "Luxturna", "Elevidys", "Hemgenix",
        "Casgevy", "Lyfgenia", "Zynteglo", "Skysona", "Amtagvi", "Tecelra", "Aucatzyl", "Imlygic", "Vyjuvek", "Adstiladrin",
        "Roctavian", "Beqvez", "Kebilidi", "Lenmeldy", "Ryoncil", "obe-cel", "anito-cel", "cilta-cel", "rapcabtagene autoleucel",
        "NTLA-2001", "EDIT-301", "BEAM-101", "RP1", "CAN-2409", "SRP-9003", "RGX-121", "UX111", "PBGM01", "CB-010", "KYV-101",
    ];

    public static readonly string[] Targets =
    [
        "CD19", "BCMA", "CD20", "CD22", "GPRC5D", "CLDN18.2", "GPC3", "HER2", "Mesothelin", "CD7", "CD70", "NKG2D", "PSMA",
        "B7-H3", "EGFR", "DLL3", "MUC1", "CD30", "CD5", "IL-13Rα2", "FAP", "ROR1", "CD33", "CLL1", "TROP2",
    ];

    public static readonly string[] ZhIndications =
    [
        "多发性骨髓瘤", "弥漫大B细胞淋巴瘤", "急性淋巴细胞白血病", "滤泡性淋巴瘤", "套细胞淋巴瘤", "晚期实体瘤", "胃癌", "肝细胞癌",
        "胰腺癌", "系统性红斑狼疮", "脊髓性肌萎缩症", "血友病B", "输血依赖型β地中海贫血", "镰状细胞病", "杜氏肌营养不良",
        "遗传性视网膜病变", "黑色素瘤", "胶质母细胞瘤", "非小细胞肺癌", "非肌层浸润性膀胱癌", "急性髓系白血病", "重症肌无力",
        "视神经萎缩", "帕金森病", "膝骨关节炎", "移植物抗宿主病",
    ];

    public static readonly string[] EnIndications =
    [
        "multiple myeloma", "diffuse large B-cell lymphoma", "acute lymphoblastic leukemia", "follicular lymphoma",
        "mantle cell lymphoma", "advanced solid tumors", "gastric cancer", "hepatocellular carcinoma", "pancreatic cancer",
        "systemic lupus erythematosus", "spinal muscular atrophy", "hemophilia B", "transfusion-dependent beta-thalassemia",
        "sickle cell disease", "Duchenne muscular dystrophy", "inherited retinal dystrophy", "melanoma", "glioblastoma",
        "non-small cell lung cancer", "non-muscle invasive bladder cancer", "acute myeloid leukemia", "myasthenia gravis",
        "Leber hereditary optic neuropathy", "Parkinson's disease", "knee osteoarthritis", "graft-versus-host disease",
    ];

    public static readonly string[] ZhModalities =
    [
        "CAR-T细胞疗法", "嵌合抗原受体T细胞", "溶瘤病毒", "AAV基因治疗", "腺相关病毒载体", "慢病毒载体", "基因编辑", "CRISPR-Cas9",
        "碱基编辑", "TCR-T", "TIL疗法", "CAR-NK", "干细胞疗法", "间充质干细胞", "通用型CAR-T", "体内CAR-T", "mRNA疗法",
        "造血干细胞移植", "细胞治疗", "基因治疗", "双靶点CAR-T", "自体CAR-T", "iPSC衍生细胞", "溶瘤腺病毒",
    ];

    public static readonly string[] EnModalities =
    [
        "CAR-T cell therapy", "chimeric antigen receptor T cells", "oncolytic virus", "AAV gene therapy", "adeno-associated virus vector",
        "lentiviral vector", "gene editing", "CRISPR-Cas9", "base editing", "TCR-T", "TIL therapy", "CAR-NK", "stem cell therapy",
        "mesenchymal stem cells", "allogeneic CAR-T", "in vivo CAR-T", "mRNA therapy", "hematopoietic stem cell transplantation",
        "cell therapy", "gene therapy", "dual-target CAR-T", "autologous CAR-T", "iPSC-derived cells", "oncolytic adenovirus",
    ];

    public static readonly string[] Vectors = ["AAV9", "AAV8", "AAV2", "AAVrh74", "AAV5", "AAV6", "AAVrh10"];

    public static readonly string[] ZhRegulators =
        ["国家药监局", "国家药品监督管理局", "国家药监局药品审评中心", "CDE", "美国FDA", "欧洲药品管理局", "日本PMDA", "NMPA"];

    public static readonly string[] EnRegulators =
        ["FDA", "NMPA", "EMA", "the European Commission", "Japan's PMDA", "the MHRA", "China's National Medical Products Administration"];

    public static readonly string[] ZhPhases = ["I期", "II期", "III期", "I/II期", "Ib期", "关键性II期"];

    public static readonly string[] EnPhases = ["Phase 1", "Phase 1/2", "Phase 2", "Phase 3", "Phase 1b", "pivotal Phase 2"];

    public static readonly string[] ZhCities = ["上海", "北京", "苏州", "杭州", "深圳", "广州", "成都", "武汉", "南京", "天津", "重庆", "海南博鳌"];

    public static readonly string[] EnCities = ["Boston", "Cambridge", "San Francisco", "Philadelphia", "Shanghai", "Suzhou", "London", "Basel"];

    public static readonly string[] ZhConferences = ["ASH年会", "ASCO年会", "EHA年会", "ESMO大会", "CSCO年会", "ASGCT年会", "ISCT年会"];

    public static readonly string[] EnConferences = ["the ASH Annual Meeting", "ASCO", "EHA", "ESMO", "ASGCT", "ISCT", "SITC"];

    public static readonly string[] ZhRounds = ["天使轮", "Pre-A轮", "A轮", "B轮", "B+轮", "C轮", "D轮", "战略"];

    /// <summary>Common English words in rough frequency order (rank 0 most frequent).</summary>
    public static readonly string[] EnCommon =
    (
        "the of and to in a is that for on with as was by at it from be this are an have has which its or not but were been " +
        "will their also more than after other into one two new said about would can first all who up these they most some over " +
        "out such there may when only could between while three during year years company companies first under both while " +
        "patients patient therapy therapies treatment treatments trial trials clinical study studies data results cell cells gene " +
        "genes approval approved disease diseases cancer cancers dose doses safety efficacy response responses drug drugs product " +
        "products market development manufacturing program programs investors funding analysts executive chief officer statement " +
        "according reported report reports announced announce announcement expected expects plan plans planned regulatory agency " +
        "agencies application applications review reviews designation designations priority breakthrough orphan accelerated label " +
        "commercial launch launched sales revenue quarter quarters price priced pricing payers reimbursement coverage hospital " +
        "hospitals centers center physicians doctors investigators researchers scientists team teams partner partners partnership " +
        "agreement deal deals license licensing rights upfront payment payments milestone milestones royalties shares stock market " +
        "percent million billion months month weeks week days day median follow durable remission remissions relapse relapsed " +
        "refractory adverse events event serious grade syndrome cytokine release neurotoxicity infusion infusions manufacturing " +
        "vein-to-vein time capacity facility facilities process processes supply chain vector vectors viral capsid capsids delivery " +
        "liver muscle heart brain eye retina blood bone marrow tumor tumors solid lymphoma leukemia myeloma autoimmune lupus " +
        "antigen antigens receptor receptors engineered engineering editing edited base prime nuclease guide sequence sequences " +
        "expression persistence expansion exhaustion durability potency toxicity toxicities lymphodepletion conditioning chemotherapy " +
        "standard care line lines prior previously treated eligible enrolled enrollment cohort cohorts arm arms randomized " +
        "open-label single-arm multicenter global china chinese united states european europe japan asia region regional national " +
        "local public private early late stage stages key important significant strong positive negative primary secondary endpoint " +
        "endpoints overall survival progression-free rate rates complete partial stable minimal residual negativity benefit benefits " +
        "risk risks challenge challenges cost costs high low long short term potential current future recent major large small " +
        "however because although therefore meanwhile moreover instead still already yet again further well even much many each " +
        "every another same different several certain available possible likely unlikely necessary difficult easy better best " +
        "make made take taken give given show shown showed see seen use used using need needs help helps work works working " +
        "continue continued continues remain remains remained include includes including lead leads led support supported " +
        "expect build built grow growing growth increase increased decrease reduced improve improved improvement change changes " +
        "people world time way part place case point group number system information level levels area areas field fields"
    ).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    // Syllables of the generated English pseudo-words (rare "words" such as names, jargon and typos in real text).
    private static readonly string[] s_syllablesOnset = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "pl", "tr", "st", "gr", "th", "sh"];

    private static readonly string[] s_syllablesNucleus = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];

    private static readonly string[] s_suffixes = ["", "", "", "ic", "ate", "ion", "al", "ine", "ase", "ory", "ent", "ity", "ism", "ed", "ing"];

    private Vocabulary(ZipfSampler<string> zhFiller, ZipfSampler<string> enFiller, string[] nctPool)
    {
        ZhFiller = zhFiller;
        EnFiller = enFiller;
        NctPool = nctPool;
    }

    /// <summary>Chinese filler words weighted by their jieba corpus frequency.</summary>
    public ZipfSampler<string> ZhFiller { get; }

    /// <summary>English filler words with Zipf weights (common words first, then pseudo-words).</summary>
    public ZipfSampler<string> EnFiller { get; }

    /// <summary>Trial registrations that recur across documents (as real trials do), so NCT queries hit several documents.</summary>
    public string[] NctPool { get; }

    /// <summary>Builds the vocabulary deterministically from <paramref name="seed"/> and jieba's dictionary.</summary>
    public static Vocabulary Build(int seed, string jiebaDictionary, int zhWords = 4000, int enPseudoWords = 3000)
    {
        var zh = LoadChineseFiller(jiebaDictionary, zhWords);
        var rng = new Random(seed);
        var pseudo = new HashSet<string>(StringComparer.Ordinal);
        var common = new HashSet<string>(EnCommon, StringComparer.Ordinal);
        while (pseudo.Count < enPseudoWords)
        {
            var syllables = rng.Next(2, 4);
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
                s_syllablesOnset[rng.Next(s_syllablesOnset.Length)] + s_syllablesNucleus[rng.Next(s_syllablesNucleus.Length)]));
            word += s_suffixes[rng.Next(s_suffixes.Length)];
            if (!common.Contains(word))
            {
                pseudo.Add(word);
            }
        }

        var en = EnCommon.Concat(pseudo.Order(StringComparer.Ordinal)).ToArray();
        // Zipf's law with s = 1 over ranks (common words carry most of the mass, as in real text).
        var enWeights = en.Select((_, rank) => 1.0 / (rank + 2)).ToArray();
        var ncts = Enumerable.Range(0, 400)
            .Select(_ => "NCT0" + rng.Next(3_000_000, 7_000_000).ToString("D7", CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new Vocabulary(new ZipfSampler<string>(zh.Words, zh.Weights), new ZipfSampler<string>(en, enWeights), ncts);
    }

    private static (string[] Words, double[] Weights) LoadChineseFiller(string path, int count)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"jieba dictionary not found at '{path}' (it is copied to data/jieba by the build).", path);
        }

        var entries = new List<(string Word, long Frequency)>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length < 2 || parts[0].Length is < 1 or > 4 || !parts[0].All(c => c is >= '\u4E00' and <= '\u9FFF'))
            {
                continue;
            }

            if (long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var frequency))
            {
                entries.Add((parts[0], frequency));
            }
        }

        var top = entries
            .OrderByDescending(e => e.Frequency)
            .ThenBy(e => e.Word, StringComparer.Ordinal)
            .Take(count)
            .ToArray();
        return (top.Select(e => e.Word).ToArray(), top.Select(e => (double)e.Frequency).ToArray());
    }
}

/// <summary>Samples items with given weights in O(log n) (binary search over the cumulative distribution).</summary>
internal sealed class ZipfSampler<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public ZipfSampler(T[] items, double[] weights)
    {
        _items = items;
        _cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Count => _items.Length;

    public T Next(Random rng)
    {
        var index = Array.BinarySearch(_cumulative, rng.NextDouble());
        if (index < 0)
        {
            index = ~index;
        }

        return _items[Math.Min(index, _items.Length - 1)];
    }
}
