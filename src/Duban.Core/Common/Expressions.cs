using System.Linq.Expressions;

namespace Duban.Core.Common;

/// <summary>Composing expressions a database must translate: EF Core does not inline an invoked lambda, so it is spliced.</summary>
public static class Expressions
{
    /// <summary>The lambda's body with its parameters replaced by the given expressions, in order.</summary>
    public static Expression Apply(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(lambda.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
