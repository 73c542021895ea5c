using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CgtAtlas.Benchmarks.Corpus;

/// <summary>Shape of one generated corpus, written next to it so a later run can reuse it.</summary>
internal sealed record CorpusManifest(int Documents, int Seed, int GeneratorVersion, int Chinese, int English, long Bytes,
    long ChineseChars, long EnglishWords, double Seconds);

/// <summary>
/// Generates a deterministic bilingual CGT news corpus as UTF-8 .txt files (title line, blank line, paragraphs).
/// Document <c>i</c> depends only on the seed and <c>i</c>, so the 10k corpus is a prefix of the 100k corpus and a run
/// can be reproduced anywhere. About 60 % of documents are Chinese (1,500–5,000 characters), 40 % English (400–1,200
/// words). Each mixes template sentences full of real CGT terms (products, targets, NCT numbers, regulators, prices) with
/// filler sentences drawn from a few thousand frequency-weighted words, in random order, with random numbers, so that
/// no two documents are near-duplicates.
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>Bump when the output changes, so cached corpora are regenerated.</summary>
    public const int Version = 4;

    private readonly Vocabulary _vocabulary;
    private readonly int _seed;

    public CorpusGenerator(Vocabulary vocabulary, int seed)
    {
        _vocabulary = vocabulary;
        _seed = seed;
    }

    /// <summary>Relative path of document <paramref name="index"/>: 1,000 files per folder, names sort in index order.</summary>
    public static string RelativePath(int index) =>
        Path.Combine((index / 1000).ToString("D4", CultureInfo.InvariantCulture), index.ToString("D7", CultureInfo.InvariantCulture) + ".txt");

    /// <summary>Writes <paramref name="count"/> documents under <paramref name="folder"/>, reusing a matching earlier corpus.</summary>
    public CorpusManifest Write(string folder, int count, Action<string> log)
    {
        var manifestPath = Path.Combine(folder, ".manifest.json");
        if (File.Exists(manifestPath))
        {
            var existing = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(manifestPath));
            if (existing is not null && existing.Documents == count && existing.Seed == _seed && existing.GeneratorVersion == Version)
            {
                log($"corpus: reusing {count:N0} documents in {folder}");
                return existing;
            }
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var started = System.Diagnostics.Stopwatch.StartNew();
        long bytes = 0, zhChars = 0, enWords = 0;
        int zh = 0, en = 0;
        var gate = new Lock();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        // Streaming: each worker builds one document at a time into a reused buffer and writes it out.
        Parallel.For(0, (count + 999) / 1000, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new StringBuilder(32_768),
            (chunk, _, builder) =>
            {
                long localBytes = 0, localChars = 0, localWords = 0;
                int localZh = 0, localEn = 0;
                Directory.CreateDirectory(Path.Combine(folder, chunk.ToString("D4", CultureInfo.InvariantCulture)));
                for (var i = chunk * 1000; i < Math.Min(count, (chunk + 1) * 1000); i++)
                {
                    builder.Clear();
                    var stats = Generate(i, builder);
                    if (stats.Chinese)
                    {
                        localZh++;
                        localChars += stats.Size;
                    }
                    else
                    {
                        localEn++;
                        localWords += stats.Size;
                    }

                    var encoded = utf8.GetBytes(builder.ToString());
                    File.WriteAllBytes(Path.Combine(folder, RelativePath(i)), encoded);
                    localBytes += encoded.Length;
                }

                lock (gate)
                {
                    bytes += localBytes;
                    zhChars += localChars;
                    enWords += localWords;
                    zh += localZh;
                    en += localEn;
                }

                return builder;
            },
            _ => { });

        var manifest = new CorpusManifest(count, _seed, Version, zh, en, bytes, zhChars, enWords, started.Elapsed.TotalSeconds);
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest));
        log($"corpus: wrote {count:N0} documents ({bytes / 1e6:N1} MB) in {started.Elapsed.TotalSeconds:N1} s to {folder}");
        return manifest;
    }

    /// <summary>Generates document <paramref name="index"/>; returns its language and size (characters or words).</summary>
    public (bool Chinese, int Size) Generate(int index, StringBuilder output)
    {
        var rng = new Random(unchecked(_seed * 1_000_003 + index * 7919 + 17));
        var chinese = rng.NextDouble() < 0.6;
        var topic = new Topic(rng, chinese, chinese ? s_zhSentences.Length : s_enSentences.Length);
        return chinese ? (true, WriteChinese(rng, topic, output)) : (false, WriteEnglish(rng, topic, output));
    }

    private int WriteChinese(Random rng, Topic topic, StringBuilder output)
    {
        var target = rng.Next(1500, 5001);
        Fill(rng, topic, Pick(rng, s_zhTitles), output, chinese: true);
        output.Append("\n\n");
        var bodyStart = output.Length;
        var first = true;
        while (output.Length - bodyStart < target)
        {
            var sentences = rng.Next(2, 7);
            for (var s = 0; s < sentences; s++)
            {
                if (first)
                {
                    Fill(rng, topic, "{date}，", output, chinese: true);
                }

                if (first || rng.NextDouble() < 0.3)
                {
                    Fill(rng, topic, s_zhSentences[topic.Template(rng)], output, chinese: true);
                }
                else
                {
                    ChineseFiller(rng, topic, output);
                }

                first = false;
            }

            output.Append("\n\n");
        }

        return output.Length - bodyStart;
    }

    private int WriteEnglish(Random rng, Topic topic, StringBuilder output)
    {
        var target = rng.Next(400, 1201);
        Fill(rng, topic, Pick(rng, s_enTitles), output, chinese: false);
        output.Append("\n\n");
        var words = 0;
        var first = true;
        while (words < target)
        {
            var sentences = rng.Next(2, 7);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    output.Append(' ');
                }

                var before = output.Length;
                if (first)
                {
                    Fill(rng, topic, "{city}, {date} - ", output, chinese: false);
                }

                if (first || rng.NextDouble() < 0.3)
                {
                    Fill(rng, topic, s_enSentences[topic.Template(rng)], output, chinese: false);
                }
                else
                {
                    EnglishFiller(rng, topic, output);
                }

                words += CountWords(output, before);
                first = false;
            }

            output.Append("\n\n");
        }

        return words;
    }

    private void ChineseFiller(Random rng, Topic topic, StringBuilder output)
    {
        var words = rng.Next(8, 31);
        for (var w = 0; w < words; w++)
        {
            var roll = rng.NextDouble();
            if (roll < 0.035)
            {
                output.Append(topic.ZhTerm(rng));
            }
            else
            {
                output.Append(_vocabulary.ZhFiller.Next(rng));
            }

            if (w > 2 && w < words - 2 && rng.NextDouble() < 0.1)
            {
                output.Append('，');
            }
        }

        output.Append('。');
    }

    private void EnglishFiller(Random rng, Topic topic, StringBuilder output)
    {
        var words = rng.Next(8, 26);
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                output.Append(w > 3 && rng.NextDouble() < 0.08 ? ", " : " ");
            }

            var word = rng.NextDouble() < 0.04 ? topic.EnTerm(rng) : _vocabulary.EnFiller.Next(rng);
            if (w == 0 && char.IsLower(word[0]))
            {
                output.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                output.Append(word);
            }
        }

        output.Append('.');
    }

    private static int CountWords(StringBuilder output, int from)
    {
        var count = 0;
        var inWord = false;
        for (var i = from; i < output.Length; i++)
        {
            var letter = char.IsLetterOrDigit(output[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private void Fill(Random rng, Topic topic, string template, StringBuilder output, bool chinese)
    {
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                output.Append(template, i, template.Length - i);
                return;
            }

            output.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var slot = template.AsSpan(open + 1, close - open - 1);
            AppendSlot(rng, topic, slot, output, chinese);
            i = close + 1;
        }
    }

    private void AppendSlot(Random rng, Topic topic, ReadOnlySpan<char> slot, StringBuilder output, bool chinese)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (slot)
        {
            case "company":
                output.Append(topic.Company(rng));
                break;
            case "company2":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhCompanies) : Pick(rng, Vocabulary.EnCompanies));
                break;
            case "product":
                output.Append(topic.Product(rng));
                break;
            case "target":
                output.Append(topic.Target(rng));
                break;
            case "indication":
                output.Append(topic.Indication(rng));
                break;
            case "modality":
                output.Append(topic.Modality(rng));
                break;
            case "vector":
                output.Append(Pick(rng, Vocabulary.Vectors));
                break;
            case "regulator":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhRegulators) : Pick(rng, Vocabulary.EnRegulators));
                break;
            case "phase":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhPhases) : Pick(rng, Vocabulary.EnPhases));
                break;
            case "city":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhCities) : Pick(rng, Vocabulary.EnCities));
                break;
            case "conf":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhConferences) : Pick(rng, Vocabulary.EnConferences));
                break;
            case "round":
                output.Append(chinese ? Pick(rng, Vocabulary.ZhRounds) : Pick(rng, s_enRounds));
                break;
            case "nct":
                output.Append(rng.NextDouble() < 0.5
                    ? Pick(rng, _vocabulary.NctPool)
                    : "NCT0" + rng.Next(3_000_000, 7_000_000).ToString("D7", inv));
                break;
            case "n":
                output.Append(rng.Next(2, 400).ToString(inv));
                break;
            case "n2":
                output.Append(rng.Next(1, 60).ToString(inv));
                break;
            case "pct":
                output.Append((rng.Next(300, 1000) / 10.0).ToString("0.0", inv));
                break;
            case "pct2":
                output.Append((rng.Next(0, 600) / 10.0).ToString("0.0", inv));
                break;
            case "price":
                output.Append(chinese
                    ? rng.Next(30, 160).ToString(inv) + "万元"
                    : "$" + (rng.Next(3, 45) / 10.0).ToString("0.0", inv) + " million");
                break;
            case "dose":
                output.Append((rng.Next(10, 99) / 10.0).ToString("0.0", inv)).Append("×10^").Append(rng.Next(11, 15).ToString(inv));
                break;
            case "year":
                output.Append(rng.Next(2019, 2026).ToString(inv));
                break;
            case "date":
                var date = new DateOnly(2019, 1, 1).AddDays(rng.Next(0, 7 * 365));
                output.Append(chinese
                    ? date.ToString("yyyy年M月d日", inv)
                    : date.ToString("MMMM d, yyyy", inv));
                break;
            default:
                throw new InvalidOperationException($"unknown template slot '{slot}'");
        }
    }

    private static readonly string[] s_enRounds = ["A", "B", "C", "D", "A-1", "B-2"];

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    /// <summary>What one document is about: its terms recur (realistic term frequencies) with random others mixed in.</summary>
    private sealed class Topic
    {
        private readonly bool _chinese;
        private readonly int _company;
        private readonly int _product;
        private readonly int _target;
        private readonly int _indication;
        private readonly int _modality;
        private readonly int[] _templates;

        public Topic(Random rng, bool chinese, int templates)
        {
            // A news story covers a few aspects (approval, trial data, financing, price...), not all of them.
            _templates = Enumerable.Range(0, templates).OrderBy(_ => rng.Next()).Take(rng.Next(3, 7)).ToArray();
            _chinese = chinese;
            _company = rng.Next(Vocabulary.ZhCompanies.Length);
            _product = rng.Next(chinese ? Vocabulary.ZhProducts.Length : Vocabulary.EnProducts.Length);
            _target = rng.Next(Vocabulary.Targets.Length);
            _indication = rng.Next(Vocabulary.ZhIndications.Length);
            _modality = rng.Next(Vocabulary.ZhModalities.Length);
        }

        public int Template(Random rng) => _templates[rng.Next(_templates.Length)];

        public string Company(Random rng) => Choose(rng, _company, _chinese ? Vocabulary.ZhCompanies : Vocabulary.EnCompanies);

        public string Product(Random rng) =>
            _chinese && rng.NextDouble() < 0.25 ? Pick(rng, Vocabulary.EnProducts) : Choose(rng, _product, _chinese ? Vocabulary.ZhProducts : Vocabulary.EnProducts);

        public string Target(Random rng) => Choose(rng, _target, Vocabulary.Targets);

        public string Indication(Random rng) => Choose(rng, _indication, _chinese ? Vocabulary.ZhIndications : Vocabulary.EnIndications);

        public string Modality(Random rng) => Choose(rng, _modality, _chinese ? Vocabulary.ZhModalities : Vocabulary.EnModalities);

        public string ZhTerm(Random rng) => rng.Next(5) switch
        {
            0 => Company(rng),
            1 => Product(rng),
            2 => Target(rng),
            3 => Indication(rng),
            _ => Modality(rng),
        };

        public string EnTerm(Random rng) => ZhTerm(rng);

        private static string Choose(Random rng, int main, string[] items) => rng.NextDouble() < 0.85 ? items[main % items.Length] : Pick(rng, items);
    }

    private static readonly string[] s_zhTitles =
    [
        "{company}{target}靶向{modality}获{regulator}批准上市",
        "{company}完成{n}亿元{round}融资，加速{modality}管线布局",
        "{product}治疗{indication}的{phase}临床数据亮相{conf}",
        "{regulator}受理{company}{product}上市申请并纳入优先审评",
        "{city}出台细胞与基因治疗产业支持政策",
        "{company}与{company2}就{target} CAR-T达成授权合作",
        "{modality}定价{price}，患者可及性如何破局？",
        "首款国产{vector}基因治疗产品申报临床",
        "溶瘤病毒{product}获批开展{indication}临床试验",
        "{company}公布{product}长期随访结果：中位缓解持续时间{n2}个月",
        "{year}年中国CGT行业融资报告：{modality}热度不减",
        "国家药监局药品审评中心发布{modality}临床试验技术指导原则",
    ];

    private static readonly string[] s_zhSentences =
    [
        "{company}宣布其自主研发的{target}靶向{modality}产品{product}获得{regulator}批准，用于治疗{indication}成人患者。",
        "该研究（{nct}）共入组{n}例患者，客观缓解率（ORR）达到{pct}%，完全缓解率为{pct2}%。",
        "{company}完成{n}亿元{round}融资，资金将主要用于{modality}管线的临床开发和商业化生产体系建设。",
        "据悉，{product}的定价为{price}/针，目前已被纳入{city}等多地惠民保特药目录。",
        "{regulator}已受理{company}{product}的上市申请，并将其纳入优先审评审批程序。",
        "在{conf}上，研究者公布了{product}治疗{indication}的{phase}临床数据，中位随访时间为{n2}个月。",
        "细胞因子释放综合征（CRS）发生率为{pct}%，其中3级及以上为{pct2}%，未观察到免疫效应细胞相关神经毒性综合征（ICANS）。",
        "{company}与{company2}达成独家授权合作，首付款{n}万美元，里程碑付款最高可达{n2}亿美元。",
        "该{vector}载体基因治疗产品采用单次静脉给药，剂量为{dose} vg/kg，{n}例受试者均未出现严重不良事件。",
        "溶瘤病毒{product}通过瘤内注射给药，在{indication}患者中显示出良好的安全性和初步疗效。",
        "截至{date}，国内已有{n2}款CAR-T产品获批上市，覆盖{indication}等多个适应症。",
        "{city}出台支持细胞与基因治疗产业发展的若干措施，对获批上市的创新产品给予最高{n}万元奖励。",
        "业内人士指出，{modality}的生产成本居高不下，单例患者的制备费用约为{price}。",
        "{company}表示，公司位于{city}的商业化生产基地已通过GMP符合性检查，年产能可满足{n}例患者需求。",
        "嵌合抗原受体T细胞疗法在血液肿瘤中已取得突破，但在{indication}等实体瘤中仍面临肿瘤微环境抑制等挑战。",
        "{product}（{target}）的关键性{phase}临床试验（{nct}）已完成全部患者入组。",
        "根据国家药监局药品审评中心公示，{company}的{modality}新药临床试验申请获得默示许可。",
        "研究显示，接受{product}治疗的患者12个月无进展生存率为{pct}%，总生存率为{pct2}%。",
        "{company}{modality}管线中的{target}项目获得美国FDA授予的孤儿药资格认定和再生医学先进疗法（RMAT）认定。",
        "基因编辑疗法{product}通过CRISPR-Cas9技术对患者自体造血干细胞进行编辑，单次给药有望实现功能性治愈。",
    ];

    private static readonly string[] s_enTitles =
    [
        "{company} wins {regulator} approval for {target}-directed {modality}",
        "{company} raises ${n} million to advance {modality} pipeline",
        "{product} shows durable responses in {indication} at {conf}",
        "{regulator} accepts {company}'s application for {product} with priority review",
        "{company} and {company2} sign {target} CAR-T licensing deal",
        "Pricing {modality}: can payers afford {price} therapies?",
        "First {vector} gene therapy for {indication} enters the clinic",
        "Oncolytic virus {product} cleared for {phase} trial in {indication}",
        "{company} reports long-term follow-up for {product}",
        "China's NMPA issues new guidance on {modality} trials",
    ];

    private static readonly string[] s_enSentences =
    [
        "{company} announced that {regulator} has approved {product}, a {target}-directed {modality}, for adults with {indication}.",
        "The study ({nct}) enrolled {n} patients; the overall response rate was {pct}% and the complete response rate {pct2}%.",
        "{company} closed a ${n} million Series {round} financing to fund its {modality} programs.",
        "The list price of {product} is {price} per infusion, according to the company.",
        "{regulator} accepted the biologics license application for {product} and granted priority review.",
        "At {conf}, investigators presented {phase} data for {product} in {indication} with a median follow-up of {n2} months.",
        "Cytokine release syndrome occurred in {pct}% of patients, with grade 3 or higher events in {pct2}%; no ICANS was observed.",
        "Under the agreement, {company2} will pay {company} ${n} million upfront and up to ${n2} billion in milestones.",
        "The {vector}-based gene therapy is given as a single intravenous infusion at {dose} vg/kg.",
        "The oncolytic virus {product} is injected directly into tumors and was well tolerated in patients with {indication}.",
        "As of {date}, {n2} CAR-T products had been approved in China, according to NMPA records.",
        "Manufacturing remains costly: producing one dose of {modality} costs about {price}.",
        "{company} said its manufacturing site in {city} can supply {n} patients a year.",
        "Chimeric antigen receptor T cells have transformed blood cancers but face a hostile microenvironment in {indication}.",
        "The pivotal {phase} trial of {product} ({target}, {nct}) has completed enrollment.",
        "Twelve-month progression-free survival was {pct}% and overall survival {pct2}% among patients treated with {product}.",
        "The FDA granted {product} orphan drug and regenerative medicine advanced therapy (RMAT) designations.",
        "{product} uses CRISPR-Cas9 to edit the patient's own hematopoietic stem cells ex vivo before reinfusion.",
    ];
}
