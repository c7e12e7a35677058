using Kezek.Rules;

namespace Kezek.UnitTests.Rules;

public sealed class QueueOrderingTests
{
    /// <summary>The plainest model of the order: build the merged queue one by one.</summary>
    private static List<(int Rank, int Index)> Merge(QueueOrdering order, int outOfTurn, int priority, int general)
    {
        var queue = Enumerable.Range(0, outOfTurn).Select(i => (0, i)).ToList();
        int p = 0, g = 0;
        while (p < priority || g < general)
        {
            for (var i = 0; i < (order.Interleaves ? order.PriorityShare : priority) && p < priority; i++)
                queue.Add((1, p++));
            for (var i = 0; i < (order.Interleaves ? order.GeneralShare : general) && g < general; i++)
                queue.Add((2, g++));
        }

        return queue;
    }

    public static TheoryData<string, int, int, int> Shapes() => new()
    {
        { "strict", 3, 5, 20 },
        { "interleave 1:3", 0, 4, 20 },
        { "interleave 1:3", 2, 10, 7 },
        { "interleave 2:5", 1, 9, 31 },
        { "interleave 1:1", 0, 0, 6 },
        { "interleave 3:1", 4, 11, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Numbers_match_the_merged_queue_and_map_back(string ordering, int outOfTurn, int priority, int general)
    {
        var order = QueueOrdering.Parse(ordering)!;
        var merged = Merge(order, outOfTurn, priority, general);

        for (var number = 1; number <= merged.Count; number++)
        {
            var (rank, index) = merged[number - 1];
            Assert.Equal(number, order.Position(rank, index, outOfTurn, priority, general));
            Assert.Equal((rank, index), order.At(number, outOfTurn, priority, general));
        }

        Assert.Null(order.At(merged.Count + 1, outOfTurn, priority, general));
        Assert.Null(order.At(0, outOfTurn, priority, general));
    }

    [Theory]
    [InlineData("strict", true)]
    [InlineData("interleave 1:3", true)]
    [InlineData("interleave 0:3", false)]
    [InlineData("interleave 1:", false)]
    [InlineData("interleave -1:3", false)]
    [InlineData("random", false)]
    public void Orderings_are_parsed_strictly(string text, bool valid) => Assert.Equal(valid, QueueOrdering.Parse(text) is not null);
}
