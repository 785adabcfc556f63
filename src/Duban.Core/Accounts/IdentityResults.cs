using Duban.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Duban.Core.Accounts;

internal static class IdentityResults
{
    /// <summary>Turns Identity's refusal (already in Chinese, see ChineseIdentityErrorDescriber) into ours.</summary>
    public static void OrThrow(this IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw AccountErrors.Identity(result.Errors.Select(e => e.Description));
        }
    }
}
