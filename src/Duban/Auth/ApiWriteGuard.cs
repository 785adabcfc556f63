using Duban.Api;

namespace Duban.Auth;

/// <summary>
/// Guards the API against cross-site requests that ride on the login cookie: a write with the cookie must carry
/// the X-Requested-With header, which a form on another site cannot add. Tokens need no such header.
/// </summary>
internal sealed class ApiWriteGuard(RequestDelegate next)
{
    public const string Header = "X-Requested-With";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var writes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (writes && ApiPaths.IsApi(request) && context.User.Identity is { IsAuthenticated: true } identity
            && identity.AuthenticationType != TokenAuthenticationHandler.SchemeName && !request.Headers.ContainsKey(Header))
        {
            return ApiPaths.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "跨站请求已拒绝",
                $"用登录 Cookie 调用接口写入数据时，请求头须包含 {Header}；脚本和其他系统请使用访问令牌。");
        }
        return next(context);
    }
}
