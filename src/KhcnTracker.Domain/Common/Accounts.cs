namespace KhcnTracker.Domain.Common;

/// <summary>Who did something, as every record names them: the sign-in name (an e-mail, as ASP.NET Core Identity bounds it).</summary>
public static class Accounts
{
    public const int MaxNameLength = 256;
}
