using System.Linq.Expressions;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

/// <summary>
/// The mapping facts the portal's tables share, each written once: code columns are slugs, a text column is bounded by
/// its domain type's constant, a reference to another row never cascades, people-made rows take their ids from a HiLo
/// sequence, and a catalogue row carries who retired it and why.
/// </summary>
internal static class Columns
{
    /// <summary>Columns holding a code (a slug: the row's own or another row's).</summary>
    public static void Slugs<T>(this EntityTypeBuilder<T> b, params Expression<Func<T, string?>>[] columns) where T : class =>
        b.Texts(Slug.MaxLength, columns);

    /// <summary>Text columns bounded by one limit (the constant on the domain type).</summary>
    public static void Texts<T>(this EntityTypeBuilder<T> b, int maxLength, params Expression<Func<T, string?>>[] columns) where T : class
    {
        foreach (var column in columns)
        {
            b.Property(column).HasMaxLength(maxLength);
        }
    }

    /// <summary>A reference to a row of <typeparamref name="TPrincipal"/> by the named columns; deleting it is refused.</summary>
    public static void References<TPrincipal>(this EntityTypeBuilder b, params string[] foreignKey) where TPrincipal : class =>
        b.HasOne(typeof(TPrincipal)).WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Restrict);

    /// <summary>
    /// The key of a row people create: ids come from a HiLo sequence before the insert, so the audit row written with it
    /// already knows the key.
    /// </summary>
    public static void HiLoKey<T>(this EntityTypeBuilder<T> b, Expression<Func<T, int>> id, string sequence) where T : class
    {
        b.HasKey(Boxed(id));
        b.Property(id).UseHiLo(sequence);
    }

    /// <summary>A catalogue row's table, with its retirement: who retired it and why.</summary>
    public static void MapCatalogueRecord<T>(this EntityTypeBuilder<T> b, string table) where T : CatalogueRecord
    {
        b.ToTable(table);
        b.Property(x => x.RetiredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
    }

    /// <summary>
    /// A table with one row per unit and period (a unit's period, its report narrative): keyed by both codes, the unit
    /// a reference to the units.
    /// </summary>
    public static void MapUnitAndPeriodKey<T>(this EntityTypeBuilder<T> b, string table) where T : class
    {
        const string unit = "UnitCode", period = "PeriodCode";
        b.ToTable(table);
        b.HasKey(unit, period);
        b.Property<string>(unit).HasMaxLength(Slug.MaxLength);
        b.Property<string>(period).HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.References<AdministrativeUnit>(unit);
    }

    private static Expression<Func<T, object?>> Boxed<T>(Expression<Func<T, int>> id) =>
        Expression.Lambda<Func<T, object?>>(Expression.Convert(id.Body, typeof(object)), id.Parameters);
}
