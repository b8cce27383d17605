using System.Linq.Expressions;

namespace KhcnTracker.Domain.Catalogue;

/// <summary>
/// The one rule of an overdue task — in force, not done, and its end year is over — written once as an expression:
/// queries put <see cref="Overdue"/> in SQL, <see cref="IsOverdue"/> runs the same expression compiled, for a task
/// of today (<see cref="PlanTask.IsOverdue"/>) or a task as the audit trail held it at a moment.
/// </summary>
public static class TaskDeadline
{
    private static readonly Expression<Func<bool, PlanTaskStatus, int, int, bool>> Rule =
        (isRetired, status, endYear, currentYear) => !isRetired && status != PlanTaskStatus.Done && endYear < currentYear;

    private static readonly Func<bool, PlanTaskStatus, int, int, bool> Compiled = Rule.Compile();

    public static bool IsOverdue(bool isRetired, PlanTaskStatus status, int endYear, int currentYear) =>
        Compiled(isRetired, status, endYear, currentYear);

    /// <summary>The rule over a task's columns, for a query's <c>WHERE</c>.</summary>
    public static Expression<Func<PlanTask, bool>> Overdue(int currentYear)
    {
        var task = Expression.Parameter(typeof(PlanTask), "t");
        Expression year = ((Expression<Func<int>>)(() => currentYear)).Body; // a captured value: the query's parameter, not a literal
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [Rule.Parameters[0]] = Expression.Property(task, nameof(PlanTask.IsRetired)),
            [Rule.Parameters[1]] = Expression.Property(task, nameof(PlanTask.Status)),
            [Rule.Parameters[2]] = Expression.Property(task, nameof(PlanTask.EndYear)),
            [Rule.Parameters[3]] = year,
        }).Visit(Rule.Body);
        return Expression.Lambda<Func<PlanTask, bool>>(body, task);
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => by.GetValueOrDefault(node, node);
    }
}
