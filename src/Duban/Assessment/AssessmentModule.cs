using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Assessment;
using Duban.Modules;

namespace Duban.Assessment;

/// <summary>
/// 考核: schemes as data, results computed per unit from the ledger, supervision and bulletins as of a cut-off, every
/// point traceable to its record; adjustments approved by a leader who did not propose them, publication as a frozen
/// ranking, appeals within a window, exports for the year-end assessment.
/// </summary>
internal sealed class AssessmentModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [AssessmentPermissions.Manage];

    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAssessment();
        services.Configure<AssessmentOptions>(configuration.GetSection(AssessmentOptions.Section));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapAssessment();
        app.MapActionForms(AssessmentEndpoints.PageBase, AssessmentWorkflow.Runs.Forms, AssessmentEndpoints.PublishAsync);
        app.MapActionForms(AssessmentEndpoints.ResultsBase, AssessmentWorkflow.Results.Forms, AssessmentEndpoints.ResultActionAsync);
        app.MapActionForms(AssessmentEndpoints.AdjustmentsBase, AssessmentWorkflow.Adjustments.Forms, AssessmentEndpoints.AdjustmentActionAsync,
            (context, id) => ResultPageAsync(context.RequestServices.GetRequiredService<AssessmentQueries>().ResultOfAdjustmentAsync(id)));
        app.MapActionForms(AssessmentEndpoints.AppealsBase, AssessmentWorkflow.Appeals.Forms, AssessmentEndpoints.AppealActionAsync,
            (context, id) => ResultPageAsync(context.RequestServices.GetRequiredService<AssessmentQueries>().ResultOfAppealAsync(id)));
    }

    /// <summary>An adjustment's or appeal's form goes back to its result's page.</summary>
    private static async Task<string> ResultPageAsync(Task<int?> resultOf) =>
        await resultOf is { } resultId ? $"{AssessmentEndpoints.ResultsBase}/{resultId}" : AssessmentEndpoints.PageBase;

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 45, "考核", AssessmentEndpoints.PageBase)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 45, "按考核方案计算各单位得分，逐项追溯到事项、复查、督办单和通报，提出分值调整，处理申诉", AssessmentEndpoints.PageBase),
        new(Roles.Leadership, 45, "审批分值调整，发布考核结果", AssessmentEndpoints.PageBase),
        new(Roles.UnitHead, 45, "查看本单位的考核得分和计分依据，在申诉期内提出申诉", AssessmentEndpoints.PageBase),
    ];

    public IEnumerable<Func<IServiceProvider, Task<WorkList>>> MyWork => [AwaitingAsync];

    private static async Task<WorkList> AwaitingAsync(IServiceProvider services)
    {
        var work = await services.GetRequiredService<AssessmentQueries>().AwaitingAsync();
        return new WorkList("考核", "待发布的考核结果、待审批的分值调整和待处理的申诉。", ["待办", "单位", "内容"],
            [.. work.Select(w => new WorkRow([w.What, w.Unit, w.Title], w.Href, w.What))]);
    }
}
