namespace KhcnTracker.Application.Reporting.Import;

/// <summary>The columns of the values template, in order. The header row must carry exactly these names.</summary>
public static class ValueFileColumns
{
    public const string Unit = "Mã tỉnh";
    public const string Indicator = "Mã chỉ số";
    public const string IndicatorName = "Tên chỉ số";
    public const string Period = "Kỳ báo cáo";
    public const string Value = "Giá trị";
    public const string Source = "Nguồn số liệu";
    public const string Note = "Ghi chú";

    public static readonly string[] All = [Unit, Indicator, IndicatorName, Period, Value, Source, Note];

    public const string DataSheet = "Số liệu";
    public const string InfoSheet = "Hướng dẫn";
    /// <summary>Written in the template's guide sheet, so that a file made from another template is recognised as such.</summary>
    public const string Marker = "KHCN-MAU-SO-LIEU-V1";

    /// <summary>The guide sheet's lines after the <see cref="Marker"/>: part of the template, which is a Vietnamese file format.</summary>
    public static readonly string[] Guide =
    [
        "Điền cột “Giá trị” (dùng dấu phẩy thập phân hoặc ô kiểu số), “Nguồn số liệu” và “Ghi chú”; không đổi các cột mã.",
        "Dòng để trống “Giá trị” được bỏ qua; dòng giữ nguyên số liệu đã có không tạo bản nháp mới. Cả tệp được ghi một lần: nếu có dòng sai, không dòng nào được ghi và cổng liệt kê từng lỗi.",
    ];

    /// <summary>Excel's letter for a column (A, B, …).</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
