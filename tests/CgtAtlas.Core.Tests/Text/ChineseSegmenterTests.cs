using CgtAtlas.Text;

namespace CgtAtlas.Core.Tests.Text;

public sealed class ChineseSegmenterTests
{
    [Theory]
    [InlineData("细胞治疗产品获批上市", true)]
    [InlineData("CAR-T 溶瘤病毒", true)]
    [InlineData("CAR-T 价格 医保", false)]
    [InlineData("oncolytic virus", false)]
    [InlineData("lang:zh 細胞治療", true)]
    public void Knows_which_queries_may_need_the_dictionary(string query, bool expected) =>
        Assert.Equal(expected, ChineseSegmenter.MayNeedDictionary(query));

    [Fact]
    public void Prefetching_leaves_segmentation_unchanged()
    {
        TextServices.PrefetchSegmenter();
        var segmenter = TextServices.Default.Segmenter;
        Assert.Equal(["国产", "细胞治疗产品", "价格", "偏", "高"], segmenter.Segment("国产细胞治疗产品价格偏高"));
        Assert.True(segmenter.IsLoaded);
    }
}
