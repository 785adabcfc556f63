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
    public static DubanException PersonAlreadyInactive(string name) => new(ErrorKind.Conflict, $"人员“{name}”已是停用状态。");
    public static DubanException PersonNotInactive(string name) => new(ErrorKind.Conflict, $"人员“{name}”未被停用。");
    public static DubanException PersonInactive(string name) => new(ErrorKind.Validation, $"人员“{name}”已停用，不能再选用。");
    public static DubanException UnitAlreadyInactive(string name) => new(ErrorKind.Conflict, $"单位“{name}”已是停用状态。");
    public static DubanException UnitNotInactive(string name) => new(ErrorKind.Conflict, $"单位“{name}”未被停用。");
    public static DubanException UnitInactive(string name) => new(ErrorKind.Validation, $"单位“{name}”已停用，不能再选用。");
    public static DubanException UnitHasActiveChildren(string name) =>
        new(ErrorKind.Conflict, $"单位“{name}”下还有未停用的下级单位，请先停用或移走这些下级单位。");
    public static DubanException ParentInactive(string name) => new(ErrorKind.Conflict, $"上级单位“{name}”已停用，请先启用上级单位。");
    public static DubanException NameNotConfirmed(string name) => new(ErrorKind.Validation, $"请在 name 中填写要停用或启用的“{name}”以确认。");

    public static DubanException SiblingNameTaken(string name, string parent, bool inactive) => new(ErrorKind.Conflict,
        $"“{parent}”下已有名为“{name}”的单位{(inactive ? "（已停用，可将其重新启用）" : "")}，同一上级单位下的单位名称不能重复。");

    public static DubanException SecondRoot() => new(ErrorKind.Validation, "只能有一个顶级单位：请选择上级单位。");
}
