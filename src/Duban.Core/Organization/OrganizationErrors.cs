using Duban.Core.Common;

namespace Duban.Core.Organization;

/// <summary>What the organization feature refuses, in the words users see.</summary>
public static class OrganizationErrors
{
    public const string HeadOutsideUnit = "主要负责人必须是本单位人员。";
    public const string LiaisonOutsideUnit = "联络员必须是本单位人员。";

    public static DubanException UnitNotFound(int id) => new(ErrorKind.NotFound, $"单位（编号 {id}）不存在。");
    public static DubanException PersonNotFound(int id) => new(ErrorKind.NotFound, $"人员（编号 {id}）不存在。");
    public static DubanException MoveIntoOwnSubtree() => new(ErrorKind.Validation, "不能把单位移动到它自己或它的下级单位之下。");
    public static DubanException SecondRoot() => new(ErrorKind.Validation, "只能有一个顶级单位：请选择上级单位。");
}
