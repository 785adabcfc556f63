using System.Reflection;
using Duban.Core.Common;

namespace Duban.Api;

/// <summary>
/// Minimal APIs bind an enum from the query string with Enum.TryParse, which takes any number: light=-5 or state=99
/// became a value no rule knows and was answered with an empty list. Every endpoint of a group with this filter
/// refuses such values with a 400 problem naming the parameter, also inside [AsParameters] records.
/// </summary>
internal static class DefinedEnums
{
    public static RouteGroupBuilder RequireDefinedEnums(this RouteGroupBuilder group) =>
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var checks = ChecksFor(factory.MethodInfo.GetParameters());
            return checks.Length == 0 ? next : context =>
            {
                foreach (var check in checks)
                {
                    check(context.Arguments);
                }
                return next(context);
            };
        });

    private static Action<IList<object?>>[] ChecksFor(ParameterInfo[] parameters) =>
    [
        .. parameters.SelectMany((parameter, index) => parameter.GetCustomAttribute<AsParametersAttribute>() is null
            ? IsEnum(parameter.ParameterType)
                ? [arguments => Check(parameter.Name!, arguments[index])]
                : Array.Empty<Action<IList<object?>>>()
            : parameter.ParameterType.GetProperties()
                .Where(property => IsEnum(property.PropertyType))
                .Select(property => (Action<IList<object?>>)(arguments =>
                    Check(QueryName(property.Name), arguments[index] is { } record ? property.GetValue(record) : null)))),
    ];

    private static bool IsEnum(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    // The name as the API documents it; binding itself ignores case.
    private static string QueryName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static void Check(string name, object? value)
    {
        if (value is Enum known && !Enum.IsDefined(known.GetType(), known))
        {
            throw CommonErrors.NotDefined(name, known);
        }
    }
}
