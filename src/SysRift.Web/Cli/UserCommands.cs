using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Security;
using SysRift.Core.Site;

namespace SysRift.Web.Cli;

/// <summary>
/// Recovery for the operator locked out of their own site: the operator's shell is the trust anchor, as the
/// site sends no e-mail. user list | reset-password NAME | unlock NAME | disable-2fa NAME | grant-admin NAME.
/// Each change is audited as done from the command line, by the operating-system user who ran it.
/// </summary>
public static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", "List users and recover accounts (reset a password, unlock, turn off two-factor, grant Administrator).");
        var list = new Command("list", "Every user with their roles, lockout and two-factor state.");
        list.SetAction((_, cancellationToken) => WithUsersAsync(async (users, _, services) =>
        {
            var throttle = services.GetRequiredService<SignInThrottle>();
            foreach (var account in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            {
                var roles = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
                var locks = await throttle.LocksAsync(account.UserName!, cancellationToken);
                var locked = locks.Count == 0 ? "not locked" : "locked until " + string.Join(", ", locks.Select(l => $"{l.UntilUtc:u} from {l.Address}"));
                Console.WriteLine($"{account.UserName}\t{account.Email}\troles: {(roles.Count == 0 ? "none" : string.Join(", ", roles))}\t{locked}\t2fa: {(account.TwoFactorEnabled ? "on" : "off")}");
            }

            return CommandLine.Success;
        }));
        user.Subcommands.Add(list);
        user.Subcommands.Add(Change("reset-password", "Set a one-time password (printed once) that must be changed at the next sign-in; ends every session and unlocks.", async (users, account, audit, services) =>
        {
            var password = PasswordReset.NewOneTimePassword();
            if (await users.HasPasswordAsync(account)) Check(await users.RemovePasswordAsync(account));
            Check(await users.AddPasswordAsync(account, password));
            await services.GetRequiredService<SignInThrottle>().ClearAsync(account.UserName!);
            if (!(await users.GetClaimsAsync(account)).Any(c => c.Type == PasswordReset.ClaimType)) Check(await users.AddClaimAsync(account, PasswordReset.Claim()));
            Check(await users.UpdateSecurityStampAsync(account));
            await services.GetRequiredService<UserSessions>().EndAllAsync(account.Id, Operator);
            await audit("PasswordReset", "One-time password set; it must be changed at the next sign-in. Every session was ended.");
            Console.WriteLine($"One-time password for {account.UserName}: {password}");
            Console.WriteLine("It works once: at the next sign-in the user must choose their own.");
        }));
        user.Subcommands.Add(Change("unlock", "Forget the failed sign-ins of the account, so every address may try again.", async (_, account, audit, services) =>
        {
            await services.GetRequiredService<SignInThrottle>().ClearAsync(account.UserName!);
            await audit("Unlocked", "Failed sign-ins forgotten: every address may try again.");
            Console.WriteLine($"{account.UserName} is unlocked.");
        }));
        user.Subcommands.Add(Change("disable-2fa", "Turn off two-factor sign-in and forget the authenticator key and recovery codes; ends every session.", async (users, account, audit, services) =>
        {
            Check(await users.SetTwoFactorEnabledAsync(account, false));
            Check(await users.ResetAuthenticatorKeyAsync(account));
            // Zero new codes: the old ones are replaced by none.
            await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
            Check(await users.UpdateSecurityStampAsync(account));
            await services.GetRequiredService<UserSessions>().EndAllAsync(account.Id, Operator);
            await audit("TwoFactorDisabled", "Two-factor sign-in turned off; the authenticator key and recovery codes were discarded. Every session was ended.");
            Console.WriteLine($"Two-factor sign-in is off for {account.UserName}.");
        }));
        user.Subcommands.Add(Change("grant-admin", "Add the user to the Administrator role.", async (users, account, audit, _) =>
        {
            if (await users.IsInRoleAsync(account, SiteRoles.Administrator))
            {
                Console.WriteLine($"{account.UserName} is an Administrator already.");
                return;
            }

            Check(await users.AddToRoleAsync(account, SiteRoles.Administrator));
            Check(await users.UpdateSecurityStampAsync(account));
            await audit("GrantedAdministrator", "Added to the Administrator role.");
            Console.WriteLine($"{account.UserName} is now an Administrator.");
        }));
        return user;
    }

    private static Command Change(string name, string description, Func<UserManager<IdentityUser>, IdentityUser, Func<string, string, Task>, IServiceProvider, Task> change)
    {
        var userName = new Argument<string>("NAME") { Description = "The user name." };
        var command = new Command(name, description) { userName };
        command.SetAction((result, cancellationToken) => WithUsersAsync(async (users, audit, services) =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            var target = result.GetValue(userName)!;
            if (await users.FindByNameAsync(target) is not { } account)
            {
                await Console.Error.WriteLineAsync($"error: there is no user \"{target}\" (see: user list)");
                return CommandLine.Failure;
            }

            await change(users, account, async (action, details) =>
            {
                audit.Add(Operator, AuditTrail.Categories.Users, action, account.Id, account.UserName, details);
                await db.SaveChangesAsync(cancellationToken);
            }, services);
            return CommandLine.Success;
        }));
        return command;
    }

    private static string Operator => $"{Environment.UserName} (command line)";

    private static async Task<int> WithUsersAsync(Func<UserManager<IdentityUser>, AuditTrail, IServiceProvider, Task<int>> work)
    {
        await using var host = CliHost.Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (!shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; there are no users.");
            return CommandLine.Failure;
        }

        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(shell.Database);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await work(services.GetRequiredService<UserManager<IdentityUser>>(), services.GetRequiredService<AuditTrail>(), services);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
