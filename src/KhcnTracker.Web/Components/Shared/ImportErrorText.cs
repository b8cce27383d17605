using KhcnTracker.Application.Reporting.Import;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// An import error in the reader's words, for the page and the API alike: where it is ("Trang “Số liệu”, dòng 5,
/// cột E (Giá trị)") and what is wrong (the resource <c>Rule.{code}</c> with its arguments, through <see cref="ErrorText"/>).
/// </summary>
public static class ImportErrorText
{
    public static string Of(ImportError error, IStringLocalizer L)
    {
        var where = new[]
        {
            string.Format(L["Import.Where.Sheet"], error.Sheet),
            error.Row is { } row ? string.Format(L["Import.Where.Row"], row) : null,
            error.Column is { } column ? string.Format(L["Import.Where.Column"], column) : null,
        };
        return string.Join(", ", where.Where(p => p is not null)) + ": " + ErrorText.Text(error.Code, error.Arguments, error.Code, L);
    }
}
