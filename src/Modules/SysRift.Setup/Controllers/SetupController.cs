using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;
using SysRift.Setup.Services;
using SysRift.Setup.ViewModels;

namespace SysRift.Setup.Controllers;

[Route("setup")]
public sealed class SetupController(SetupService setup, RecipeCatalog recipes, SiteShell shell) : Controller
{
    [HttpGet("")]
    public IActionResult Index() =>
        // The address is offered from this request, and stored only if the operator submits it.
        View(Model(new SetupRequest { PublicUrl = PublicAddress.FromRequest(Request) }, new Dictionary<string, string>(), []));

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Index([FromForm] SetupRequest form, CancellationToken cancellationToken)
    {
        form.AllowRecipeFile = false; // the form names a shipped recipe; never a file on the server
        var result = await setup.SetupAsync(form, cancellationToken);
        if (result.Succeeded) return Redirect("/");

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        form.AdminPassword = form.PasswordConfirmation = "";
        return View(Model(form, result.Errors, result.RecipeProblems));
    }

    private SetupViewModel Model(SetupRequest form, IReadOnlyDictionary<string, string> errors, IReadOnlyList<string> problems) => new()
    {
        Form = form,
        Recipes = recipes.SetupRecipes(),
        Errors = errors,
        RecipeProblems = problems,
        DatabaseIsConfigured = shell.DatabaseIsConfigured,
        ConfiguredDatabase = shell.DatabaseIsConfigured ? $"{shell.Database.Provider}: {shell.Database.Redacted()}" : "",
    };
}
