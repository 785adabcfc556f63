using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Signals;
using Duban.Modules;

namespace Duban.Signals;

/// <summary>
/// 病相: the eight ailments the speech names, computed from every item's whole history as flags with their evidence;
/// units explain them, the supervision office accepts or dismisses them.
/// </summary>
internal sealed class SignalsModule : IDubanModule
{
    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignals();
        services.Configure<SignalOptions>(configuration.GetSection(SignalOptions.Section));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapSignals();
        app.MapActionForms(SignalEndpoints.PageBase, SignalWorkflow.Table.Forms, SignalEndpoints.RunAsync);
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 42, "病相", SignalEndpoints.PageBase)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 42, "查看八种病相的提示（打白条、虚假空、走秀场……），认定或排除", SignalEndpoints.PageBase),
        new(Roles.Leadership, 42, "查看各单位的病相提示", SignalEndpoints.PageBase),
        new(Roles.UnitHead, 42, "查看本单位的病相提示并说明情况", SignalEndpoints.PageBase),
        new(Roles.Liaison, 42, "查看本单位的病相提示并说明情况", SignalEndpoints.PageBase),
    ];

    public IEnumerable<Func<IServiceProvider, Task<WorkList>>> MyWork => [ToExplainAsync, ToDecideAsync];

    private static async Task<WorkList> ToExplainAsync(IServiceProvider services) =>
        List("待说明的病相提示", "系统根据整改台账的全过程数据提示的病相；请说明情况，由督查室认定或排除。",
            await services.GetRequiredService<SignalQueries>().AwaitingAsync(), "说明情况");

    private static async Task<WorkList> ToDecideAsync(IServiceProvider services) =>
        List("待认定的病相提示", "单位已说明情况的病相提示，请认定或排除（均须填写理由）。",
            await services.GetRequiredService<SignalQueries>().ToDecideAsync(), "认定或排除");

    private static WorkList List(string title, string hint, IReadOnlyList<SignalRow> rows, string linkText) =>
        new(title, hint, ["病相", "单位", "事项", "状态"],
            [.. rows.Select(r => new WorkRow([r.KindName, r.UnitName, r.ItemCode ?? "（单位）", r.StateName], $"{SignalEndpoints.PageBase}/{r.Id}", linkText))]);
}
