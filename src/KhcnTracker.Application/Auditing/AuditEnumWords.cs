namespace KhcnTracker.Application.Auditing;

/// <summary>
/// The audit trail's word for each member of an enum (one converter per enum). The words are part of a permanent record:
/// a member may be renamed or moved in C#, its word never changes; a new member needs a new word (a test fails without).
/// </summary>
public sealed class EnumWords<T> : IEnumWords where T : struct, Enum
{
    private readonly IReadOnlyDictionary<T, string> _words;
    private readonly Dictionary<string, T> _members;

    public EnumWords(string name, IReadOnlyDictionary<T, string> words)
    {
        Name = name;
        _words = words;
        _members = words.ToDictionary(w => w.Value, w => w.Key, StringComparer.Ordinal);
    }

    /// <summary>The enum's own stable word (its labels are <c>Audit.Word.{Name}.{word}</c>).</summary>
    public string Name { get; }

    public Type Type => typeof(T);

    public bool IsFlags => typeof(T).IsDefined(typeof(FlagsAttribute), false);

    public IReadOnlyCollection<string> Words => _members.Keys;

    public string Word(T member) => _words.TryGetValue(member, out var word) ? word
        : throw new InvalidOperationException($"{typeof(T).Name}.{member} has no word in the audit vocabulary (AuditEnumWords).");

    public T Member(string word) => _members.TryGetValue(word, out var member) ? member
        : throw new FormatException($"'{word}' is not a word of {typeof(T).Name} in the audit vocabulary.");

    /// <summary>A flags value as the words of its set members, in the order of the table (none: no words).</summary>
    public IReadOnlyList<string> FlagWords(T value)
    {
        var bits = Convert.ToInt64(value);
        return _words.Where(w => Convert.ToInt64(w.Key) != 0 && (bits & Convert.ToInt64(w.Key)) == Convert.ToInt64(w.Key)).Select(w => w.Value).ToList();
    }

    object IEnumWords.Stored(Enum value) => IsFlags ? FlagWords((T)value) : Word((T)value);

    IEnumerable<Enum> IEnumWords.Members => Enum.GetValues<T>().Cast<Enum>();
}

public interface IEnumWords
{
    string Name { get; }
    Type Type { get; }
    bool IsFlags { get; }
    IReadOnlyCollection<string> Words { get; }
    /// <summary>What the trail stores for the value: its word, or for flags the list of words.</summary>
    object Stored(Enum value);
    IEnumerable<Enum> Members { get; }
}

/// <summary>Every enum an audited entity holds, with its words.</summary>
public static class AuditEnumWords
{
    public static readonly EnumWords<ValueStatus> ValueStatus = new("value_status", new Dictionary<ValueStatus, string>
    {
        [Domain.Reporting.ValueStatus.Draft] = "draft", [Domain.Reporting.ValueStatus.Submitted] = "submitted",
        [Domain.Reporting.ValueStatus.Approved] = "approved", [Domain.Reporting.ValueStatus.Returned] = "returned",
    });

    public static readonly EnumWords<PeriodState> PeriodState = new("period_state", new Dictionary<PeriodState, string>
    {
        [Domain.Reporting.PeriodState.Open] = "open", [Domain.Reporting.PeriodState.Closed] = "closed", [Domain.Reporting.PeriodState.Locked] = "locked",
    });

    public static readonly EnumWords<UnitLevel> UnitLevel = new("unit_level", new Dictionary<UnitLevel, string>
    {
        [Domain.Catalogue.UnitLevel.Country] = "country", [Domain.Catalogue.UnitLevel.Province] = "province",
    });

    public static readonly EnumWords<Comparator> Comparator = new("comparator", new Dictionary<Comparator, string>
    {
        [Domain.Catalogue.Comparator.AtLeast] = "at_least", [Domain.Catalogue.Comparator.MoreThan] = "more_than",
        [Domain.Catalogue.Comparator.AtMost] = "at_most", [Domain.Catalogue.Comparator.LessThan] = "less_than",
        [Domain.Catalogue.Comparator.EqualTo] = "equal_to", [Domain.Catalogue.Comparator.Between] = "between",
        [Domain.Catalogue.Comparator.RankWithinTop] = "rank_within_top", [Domain.Catalogue.Comparator.MilestoneReached] = "milestone_reached",
    });

    public static readonly EnumWords<GrowthMode> GrowthMode = new("growth_mode", new Dictionary<GrowthMode, string>
    {
        [Domain.Catalogue.GrowthMode.PercentIncrease] = "percent_increase", [Domain.Catalogue.GrowthMode.Multiple] = "multiple",
    });

    public static readonly EnumWords<DocumentKind> DocumentKind = new("document_kind", new Dictionary<DocumentKind, string>
    {
        [Domain.Catalogue.DocumentKind.Resolution] = "resolution", [Domain.Catalogue.DocumentKind.ActionProgramme] = "action_programme",
        [Domain.Catalogue.DocumentKind.Plan] = "plan", [Domain.Catalogue.DocumentKind.Decision] = "decision",
    });

    public static readonly EnumWords<IndicatorAreas> IndicatorAreas = new("indicator_area", new Dictionary<IndicatorAreas, string>
    {
        [Domain.Catalogue.IndicatorAreas.None] = "none", [Domain.Catalogue.IndicatorAreas.Khcn] = "khcn",
        [Domain.Catalogue.IndicatorAreas.Dmst] = "dmst", [Domain.Catalogue.IndicatorAreas.Cds] = "cds",
    });

    public static readonly EnumWords<Measure> Measure = new("measure", new Dictionary<Measure, string>
    {
        [Domain.Catalogue.Measure.Percent] = "percent", [Domain.Catalogue.Measure.Count] = "count", [Domain.Catalogue.Measure.Rank] = "rank",
        [Domain.Catalogue.Measure.Per10000] = "per_10000", [Domain.Catalogue.Measure.Index] = "index", [Domain.Catalogue.Measure.Money] = "money",
        [Domain.Catalogue.Measure.Milestone] = "milestone",
    });

    public static readonly EnumWords<Direction> Direction = new("direction", new Dictionary<Direction, string>
    {
        [Domain.Catalogue.Direction.HigherIsBetter] = "higher_is_better", [Domain.Catalogue.Direction.LowerIsBetter] = "lower_is_better",
    });

    public static readonly EnumWords<PlanTaskStatus> PlanTaskStatus = new("task_status", new Dictionary<PlanTaskStatus, string>
    {
        [Domain.Catalogue.PlanTaskStatus.NotStarted] = "not_started", [Domain.Catalogue.PlanTaskStatus.InProgress] = "in_progress",
        [Domain.Catalogue.PlanTaskStatus.Done] = "done",
    });

    public static readonly IReadOnlyList<IEnumWords> All =
        [ValueStatus, PeriodState, UnitLevel, Comparator, GrowthMode, DocumentKind, IndicatorAreas, Measure, Direction, PlanTaskStatus];

    /// <summary>The fields that hold an enum member, by subject and field word (the labels and the history read them).</summary>
    public static readonly IReadOnlyDictionary<(string Subject, string Field), IEnumWords> Fields = new Dictionary<(string, string), IEnumWords>
    {
        [("unit", "level")] = UnitLevel, [("indicator", "areas")] = IndicatorAreas, [("indicator", "measure")] = Measure,
        [("indicator", "direction")] = Direction, [("task", "status")] = PlanTaskStatus, [("document", "kind")] = DocumentKind,
        [("target", "comparator")] = Comparator, [("target", "growth_mode")] = GrowthMode, [("value", "status")] = ValueStatus,
        [("period", "state")] = PeriodState, [("unit_period", "state")] = PeriodState, [("task_report", "progress")] = PlanTaskStatus, [("task_report", "status")] = ValueStatus,
    };

    public static IEnumWords? OfField(string subject, string field) => Fields.GetValueOrDefault((subject, field));

    private static readonly Dictionary<Type, IEnumWords> ByType = All.ToDictionary(e => e.Type);

    /// <summary>The converter of an enum type; an enum without one cannot be written to the trail.</summary>
    public static IEnumWords For(Type type) => ByType.TryGetValue(type, out var words) ? words
        : throw new InvalidOperationException($"The enum {type.Name} has no words in the audit vocabulary (AuditEnumWords).");
}
