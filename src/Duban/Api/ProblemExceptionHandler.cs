using Duban.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Duban.Api;

/// <summary>
/// Turns refusals into problem details with the domain's Chinese message, and anything unexpected into a generic
/// Chinese 500 — never a stack trace. Pages get the error page instead.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; decide by the path that failed.
        var failedPath = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!failedPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var (status, title, detail) = exception switch
        {
            DubanException e => (StatusOf(e.Kind), TitleOf(e.Kind), e.Message),
            BadHttpRequestException e => (e.StatusCode, "请求格式不正确",
                "请求参数或 JSON 内容格式不正确，请检查字段名称和类型后重试。"),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "数据冲突",
                "数据已被他人修改，请刷新后重试。"),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "服务器处理请求时出错，请稍后重试或联系管理员。"),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        }
        await ApiPaths.WriteProblemAsync(context, status, title, detail);
        return true;
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "输入有误",
        ErrorKind.NotFound => "未找到",
        ErrorKind.Forbidden => "没有权限",
        ErrorKind.Conflict => "数据冲突",
        _ => "请求失败",
    };
}
