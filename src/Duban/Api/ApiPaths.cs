using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Api;

/// <summary>API requests answer with problem details in Chinese; pages answer with Chinese HTML.</summary>
internal static class ApiPaths
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path,
        }, options: null, contentType: "application/problem+json");
    }

    public static Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var (title, detail) = status switch
        {
            404 => ("未找到", "请求的接口或资源不存在。"),
            405 => ("方法不允许", "该接口不支持此请求方法。"),
            415 => ("内容类型不支持", "请以 application/json 提交数据。"),
            401 => ("需要登录", "请先登录，或提供有效的访问令牌。"),
            403 => ("没有权限", "您的角色无权执行此操作。"),
            _ => ("请求失败", $"请求失败（状态码 {status}）。"),
        };
        return WriteProblemAsync(context.HttpContext, status, title, detail);
    }
}
