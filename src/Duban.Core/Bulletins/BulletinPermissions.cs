using Duban.Core.Accounts;

namespace Duban.Core.Bulletins;

public static class BulletinPermissions
{
    /// <summary>Drafting, publishing, withdrawing and following up bulletins: the supervision office's work.</summary>
    public static readonly Permission Draft = new("bulletins.draft", "起草和发布情况通报", [Roles.Supervisor]);

    /// <summary>Reading every bulletin in every state (approving is the table's grant to Leadership).</summary>
    public static readonly Permission ReadAll = new("bulletins.read", "查看全部情况通报", [Roles.Supervisor, Roles.Leadership]);
}
