using Duban.Core.Accounts;

namespace Duban.Core.Campaigns;

public static class CampaignPermissions
{
    public const string ManageCode = "campaigns.manage";

    /// <summary>Opening, changing and closing campaigns (everyone signed in reads them).</summary>
    public static readonly Permission Manage = new(ManageCode, "管理活动", [Roles.Supervisor]);
}
