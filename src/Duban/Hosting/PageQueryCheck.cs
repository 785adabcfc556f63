using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Duban.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Duban.Hosting;

/// <summary>
/// Blazor throws while rendering a page when a <see cref="SupplyParameterFromQueryAttribute"/> value does not parse
/// as its property's type (/ledger?page=abc, unit=99999999999), which made a 500. Before any page runs, this checks
/// its query values against the types its properties declare, and answers an unreadable one with the Chinese 400
/// page instead: once for every page, present and future.
/// </summary>
internal sealed class PageQueryCheck(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> TypedParameters = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
        {
            foreach (var (name, type) in TypedParameters.GetOrAdd(page.Type, TypedParametersOf))
            {
                foreach (var value in context.Request.Query[name])
                {
                    // An empty value is what a filter form sends for （全部）; Blazor reads it as no value.
                    if (!string.IsNullOrEmpty(value) && !Parses(value, type))
                    {
                        // Not the value itself: the page must not repeat words a link's author chose.
                        context.Items[PageErrors.MessageKey] = $"网址中参数 {name} 的值无法识别。请返回上一页，重新选择筛选条件或页码。";
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return Task.CompletedTask;
                    }
                }
            }
        }
        return next(context);
    }

    private static (string Name, Type Type)[] TypedParametersOf(Type page) =>
    [
        .. from property in page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
           let query = property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()
           where query is not null
           let type = ValueType(property.PropertyType)
           where type != typeof(string)
           select (query.Name ?? property.Name, type),
    ];

    private static Type ValueType(Type type) =>
        type.IsArray ? ValueType(type.GetElementType()!) : Nullable.GetUnderlyingType(type) ?? type;

    // As Blazor parses query values (its UrlValueConstraint): invariant culture, for the types it supports.
    private static bool Parses(string value, Type type)
    {
        var invariant = CultureInfo.InvariantCulture;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => int.TryParse(value, NumberStyles.Integer, invariant, out _),
            TypeCode.Int64 => long.TryParse(value, NumberStyles.Integer, invariant, out _),
            TypeCode.Boolean => bool.TryParse(value, out _),
            TypeCode.Decimal => decimal.TryParse(value, NumberStyles.Number, invariant, out _),
            TypeCode.Double => double.TryParse(value, NumberStyles.Number, invariant, out _),
            TypeCode.Single => float.TryParse(value, NumberStyles.Number, invariant, out _),
            TypeCode.DateTime => DateTime.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(Guid) => Guid.TryParse(value, out _),
            _ => true,
        };
    }
}
