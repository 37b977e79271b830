using System.Text;
using System.Text.Encodings.Web;

namespace Studios.DevIdentity.SignIn;

/// <summary>The development identity's sign-in page: sign in as someone it knows (choosing their roles this time) or as a
/// new person. Plain HTML: it is a local tool, not part of the product.</summary>
internal static class SignInPage
{
    public static readonly string[] Roles = ["participant", "facilitator", "steward", "operator"];

    public static string Render(AuthorizeRequest request, IReadOnlyList<DevPerson> people, string? error)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Studios development identity</title><link rel="icon" href="data:,">
            <style>
              body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1f; }
              form { border: 1px solid #c4c4cc; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
              fieldset { border: 0; padding: 0; margin: .5rem 0; } legend { font-weight: 600; }
              label { margin-right: 1rem; display: inline-block; padding: .25rem 0; }
              input[type=text], input[type=email] { display: block; width: 100%; padding: .5rem; margin: .25rem 0 .75rem; box-sizing: border-box; }
              button { background: #0f548c; color: #fff; border: 0; border-radius: .25rem; padding: .6rem 1rem; font-size: 1rem; }
              .error { color: #a4262c; font-weight: 600; }
            </style></head><body><main>
            <h1>Sign in to Studios</h1>
            <p>The development identity: choose who you are. Anyone may sign in as anyone here; it runs on this machine only.</p>
            """);
        if (error is not null) html.Append("<p class=\"error\" role=\"alert\">").Append(Encode(error)).Append("</p>");

        if (people.Count > 0) html.Append("<h2>People you have been</h2>");
        foreach (var person in people)
        {
            StartForm(html, request);
            html.Append("<input type=\"hidden\" name=\"subject\" value=\"").Append(Encode(person.Subject)).Append("\">");
            html.Append("<p><strong>").Append(Encode(person.Name)).Append("</strong> · ").Append(Encode(person.Email)).Append("</p>");
            RoleChoices(html, "Roles for " + person.Name, person.Roles, person.Subject);
            html.Append("<button type=\"submit\">Sign in as ").Append(Encode(person.Name)).Append("</button></form>");
        }

        html.Append("<h2>A new person</h2>");
        StartForm(html, request);
        html.Append("""
            <label for="name">Name</label><input type="text" id="name" name="name" required autocomplete="name">
            <label for="email">Email</label><input type="email" id="email" name="email" required autocomplete="email">
            """);
        RoleChoices(html, "Roles", ["participant"], "new");
        html.Append("<button type=\"submit\">Create and sign in</button></form></main></body></html>");
        return html.ToString();
    }

    private static void StartForm(StringBuilder html, AuthorizeRequest request)
    {
        html.Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.Fields())
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Encode(value)).Append("\">");
    }

    private static void RoleChoices(StringBuilder html, string legend, IReadOnlyList<string> chosen, string idPrefix)
    {
        html.Append("<fieldset><legend>").Append(Encode(legend)).Append("</legend>");
        foreach (var role in Roles)
        {
            var id = Encode($"{idPrefix}-{role}");
            html.Append("<label for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id)
                .Append("\" name=\"role\" value=\"").Append(role).Append('"').Append(chosen.Contains(role) ? " checked" : "")
                .Append("> ").Append(role).Append("</label>");
        }
        html.Append("</fieldset>");
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
