using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Application.Reporting;

/// <summary>One value to submit, at the version the person saw.</summary>
public sealed record ValueToSubmit(int Id, uint Version);

/// <summary>What became of one value of a batch: submitted (its new version) or refused (the refusal, to be worded by the page).</summary>
public sealed record SubmitOutcome(int Id, SavedValue? Saved, Refusal? Refused)
{
    public bool Submitted => Saved is not null;
}

/// <summary>
/// Submits the values the person chose in the form, each as its own action through <see cref="ValueWorkflow"/> (the
/// same rules, one transaction each): a value someone changed meanwhile, or one not ready, is refused on its own row
/// while the others go through.
/// </summary>
public sealed class SubmitValues(ICurrentUser user, ValueWorkflow workflow)
{
    public const int MaxValues = 500;

    public async Task<IReadOnlyList<SubmitOutcome>> HandleAsync(IReadOnlyList<ValueToSubmit> values, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        if (values.Count > MaxValues)
            throw new CommandRejectedException([new RuleViolation("", "value.batch-too-large", $"At most {MaxValues} values at once.", [MaxValues])]);
        var outcomes = new List<SubmitOutcome>(values.Count);
        foreach (var value in values.DistinctBy(v => v.Id))
        {
            try
            {
                outcomes.Add(new SubmitOutcome(value.Id, await workflow.SubmitAsync(value.Id, value.Version, ct), null));
            }
            catch (Refusal refusal)
            {
                outcomes.Add(new SubmitOutcome(value.Id, null, refusal));
            }
        }
        return outcomes;
    }
}
