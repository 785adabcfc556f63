using Duban.Core.Common.Events;
using Duban.Core.Data;
using Duban.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Accounts;

public static class AccountServices
{
    /// <summary>
    /// Accounts on ASP.NET Core Identity's stores, tokens, sessions and the actor of a request; the actor cache
    /// forgets what a committed change to accounts, roles, people or units makes stale.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(AccountRules.Configure)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<DubanDb>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddScoped<AccountService>();
        services.AddScoped<TokenService>();
        services.AddScoped<TokenLookup>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<ActorLoader>();
        services.AddSingleton<ActorCache>();
        services.AddDomainEventHandler<Changed<AppUser>, ActorCache>();
        services.AddDomainEventHandler<Changed<IdentityUserRole<int>>, ActorCache>();
        services.AddDomainEventHandler<Changed<Person>, ActorCache>();
        services.AddDomainEventHandler<Changed<Unit>, ActorCache>();
        return services;
    }
}
