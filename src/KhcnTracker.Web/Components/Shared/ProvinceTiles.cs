namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// Where each of the 34 provincial units of today sits on the schematic tile map: a square each, in its rough place
/// from north (row 0) to south, five columns from west to east. A unit not placed here goes to a row below the map.
/// </summary>
public static class ProvinceTiles
{
    public const int Columns = 5;

    private static readonly Dictionary<string, (int Column, int Row)> Places = new()
    {
        ["laichau"] = (1, 0), ["laocai"] = (2, 0), ["tuyenquang"] = (3, 0), ["caobang"] = (4, 0),
        ["dienbien"] = (0, 1), ["sonla"] = (1, 1), ["phutho"] = (2, 1), ["thainguyen"] = (3, 1), ["langson"] = (4, 1),
        ["hanoi"] = (2, 2), ["bacninh"] = (3, 2), ["quangninh"] = (4, 2),
        ["ninhbinh"] = (2, 3), ["hungyen"] = (3, 3), ["haiphong"] = (4, 3),
        ["thanhhoa"] = (2, 4),
        ["nghean"] = (2, 5),
        ["hatinh"] = (3, 6),
        ["quangtri"] = (3, 7),
        ["hue"] = (4, 8),
        ["danang"] = (4, 9),
        ["quangngai"] = (4, 10),
        ["gialai"] = (4, 11),
        ["daklak"] = (4, 12),
        ["lamdong"] = (3, 13), ["khanhhoa"] = (4, 13),
        ["tayninh"] = (1, 14), ["hochiminh"] = (2, 14), ["dongnai"] = (3, 14),
        ["angiang"] = (0, 15), ["dongthap"] = (1, 15), ["vinhlong"] = (2, 15),
        ["camau"] = (0, 16), ["cantho"] = (1, 16),
    };

    private static readonly int LastRow = Places.Values.Max(p => p.Row);

    /// <summary>The tile's place; units the map does not know line up after its last row, in the order given.</summary>
    public static (int Column, int Row) Of(string unitCode, int indexAmongUnplaced) =>
        Places.TryGetValue(unitCode, out var place) ? place : (indexAmongUnplaced % Columns, LastRow + 1 + indexAmongUnplaced / Columns);

    public static bool IsPlaced(string unitCode) => Places.ContainsKey(unitCode);
}
