namespace BananTourism.Domain.Venues;

/// <summary>What kind of experience an offering is. Values are stable: they are stored, and a venue keeps the
/// set of its categories as a bit mask of <c>1 &lt;&lt; value</c>.</summary>
public enum Category
{
    Camping = 0,
    Picking = 1,
    Fishing = 2,
    FarmStay = 3,
    Tour = 4,
    Activity = 5,
}

public static class CategoryMask
{
    public static int Of(Category category) => 1 << (int)category;

    public static int Of(IEnumerable<Category> categories) => categories.Aggregate(0, (mask, c) => mask | Of(c));

    public static IReadOnlyList<Category> Split(int mask) =>
        Enum.GetValues<Category>().Where(c => (mask & Of(c)) != 0).ToArray();
}
