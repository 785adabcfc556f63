using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Campaigns;

public enum CampaignAction
{
    Edit,
    Close,
}

/// <summary>A campaign's transition table: open, then closed for good.</summary>
public static class CampaignWorkflow
{
    private static readonly Grant BySupervisor = new(Roles.Supervisor, Relation.Anyone);

    public static Workflow<Campaign, CampaignAction> Table { get; } = new(new NoUnitRelations<Campaign>(),
    [
        new(CampaignAction.Edit, "edit", "修改活动", c => c.ClosedAt == null, [BySupervisor], []) { HasForm = false },
        new(CampaignAction.Close, "close", "结束活动", c => c.ClosedAt == null, [BySupervisor], [])
        {
            Confirm = "结束后该活动只能查阅，不能再登记、修改或导入事项。确定结束吗？",
        },
    ])
    {
        RefuseRole = action => CampaignErrors.Forbidden(action.Name),
        RefuseState = (_, campaign) => CampaignErrors.Closed(campaign.Name),
    };
}
