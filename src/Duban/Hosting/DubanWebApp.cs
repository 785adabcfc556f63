using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Duban.Api;
using Duban.Auth;
using Duban.Components;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Modules;
using Duban.Spreadsheets;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Duban.Hosting;

/// <summary>Builds the web server: pages, the JSON API, authentication and start-up of the database.</summary>
public static class DubanWebApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot(args) });
        builder.Configuration.AddInMemoryCollection(settings);
        if (!builder.Environment.IsDevelopment())
        {
            // A built (not published) binary serves wwwroot from the project through its static web assets manifest,
            // as Development does; a published one has no manifest and serves the wwwroot beside it.
            builder.WebHost.UseStaticWebAssets();
        }
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DubanConfiguration.DefaultUrls);
        }

        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ScopedActorAccessor>();
        services.AddScoped<IActorAccessor>(sp => sp.GetRequiredService<ScopedActorAccessor>());
        services.AddDubanData(sp => DubanConfiguration.DatabaseSettings(sp.GetRequiredService<IConfiguration>()));
        services.AddHostedService<DatabaseStartup>();
        services.AddDocuments(builder.Configuration);
        // Keys that sign the login cookie live with the data, so sessions survive a restart.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDirectory, "keys")),
                sp.GetRequiredService<ILoggerFactory>())));
        services.AddDubanAuthentication();
        var behindProxy = services.AddTrustedProxies(builder.Configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums by name only: a number ("source": 99) is refused rather than read as a value no rule knows.
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "督办 Duban API";
            document.Info.Description = "作风建设年问题整改督办系统的 JSON 接口。使用个人访问令牌（Bearer）或登录 Cookie 认证。";
            return Task.CompletedTask;
        }));
        services.AddSingleton(DubanModules.All);
        services.AddAuthorization(o =>
        {
            // Each module's permission is a policy of its code, held by the roles the permission names.
            foreach (var permission in DubanModules.All.SelectMany(m => m.Permissions))
            {
                o.AddPolicy(permission.Code, p => p.RequireRole(permission.Roles));
            }
        });
        foreach (var module in DubanModules.All)
        {
            module.AddDomain(services, builder.Configuration);
            module.AddServices(services, builder.Configuration);
        }
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        // Chinese text stays readable in the HTML instead of becoming &#x…; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        var app = builder.Build();
        if (behindProxy)
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        app.UseHsts();
        // Every cookie (login, antiforgery, notices) is Secure whenever the request came over HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        // Error and status pages render in a scope of their own: a Blazor page cannot render twice in one scope.
        // A form or query value the endpoint cannot bind is the client's mistake: 400, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(c => ApiPaths.IsApi(c.Request), api => api.UseStatusCodePages(ApiPaths.WriteStatusProblemAsync));
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), web => web.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        app.UseStaticFiles();
        // Routing after the status-code and error pages, so their re-executed requests find the Chinese page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseMiddleware<ApiWriteGuard>();
        app.UseAuthorization();
        app.UseMiddleware<PageQueryCheck>();
        app.UseImportUploadLimit();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapOpenApi();
        // Its system fonts, not Scalar's CDN: intranets often cannot reach it, and the page's policy allows only this site.
        app.MapScalarApiReference("/api/docs", o => o.DisableDefaultFonts());
        Bench.CeilingEndpoint.MapBenchCeiling(app, app.Configuration);
        // Every API route lives under /api/v1, needs a signed-in user or a token, and refuses undefined enum values.
        var api = app.MapGroup("/api/v1").RequireAuthorization().RequireDefinedEnums();
        foreach (var module in DubanModules.All)
        {
            module.MapRoutes(app, api);
        }
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// The binary's own folder, where appsettings.json and the published wwwroot are: the current directory (the
    /// default) left a server started from elsewhere without styles. An explicit --contentRoot still wins.
    /// </summary>
    private static string? ContentRoot(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables("DOTNET_").AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey] is null ? AppContext.BaseDirectory : null;
}
