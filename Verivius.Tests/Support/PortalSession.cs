using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Verivius.Tests.Support;

/// <summary>A browser-like client: keeps its cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
public sealed partial class PortalSession : IDisposable
{
    private PortalSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static PortalSession Anonymous(PortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        }));

    /// <summary>A session over a client of the test's own, such as one talking to a portal process.</summary>
    public static PortalSession Over(HttpClient client) => new(client);

    public static Task<PortalSession> SignInAsync(PortalFactory factory, string email, string password = TestWorlds.Password) =>
        SignInAsync(Anonymous(factory), email, password);

    public static async Task<PortalSession> SignInAsync(PortalSession session, string email, string password = TestWorlds.Password)
    {
        ArgumentNullException.ThrowIfNull(session);
        var response = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenFromAsync(formPage);
        return await PostAsync(action, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public async Task<string> TokenFromAsync(string page)
    {
        var html = await Client.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{page} has no antiforgery token.");
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a pack workbook to a site as the upload form does.</summary>
    public async Task<HttpResponseMessage> UploadPackAsync(string site, byte[] workbook, string? tokenPage = null, string fileName = "october.xlsx")
    {
        var token = await TokenFromAsync(tokenPage ?? $"/sites/{site}/packs");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "workbook", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await Client.PostAsync(new Uri($"/sites/{site}/packs", UriKind.Relative), form);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
