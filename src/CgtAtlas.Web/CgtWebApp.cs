using System.Reflection;
using System.Text.Encodings.Web;
using CgtAtlas.Web.Api;
using CgtAtlas.Web.Services;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scalar.AspNetCore;

namespace CgtAtlas.Web;

/// <summary>Settings given by <c>cgt serve</c> (anything left null comes from configuration or the defaults).</summary>
public sealed record CgtWebOptions
{
    /// <summary>The library file (else <c>Cgt:Db</c>, <c>CGT_DB</c>, <c>cgtatlas.db</c>).</summary>
    public string? DbPath { get; init; }

    /// <summary>Where to listen (else <c>urls</c>, default <see cref="BindingPolicy.DefaultUrls"/>).</summary>
    public string? Urls { get; init; }

    /// <summary>Where the generated token is announced (default: standard output).</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Extra service registrations, e.g. the Insights brief provider replacing the placeholder.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>Builds the web workspace: Razor pages, the JSON API, OpenAPI and its reference page, one library.</summary>
public static class CgtWebApp
{
    /// <summary>The process exit code for a refused or failed start.</summary>
    public const int StartFailed = 2;

    /// <summary>Builds the application (not started).</summary>
    /// <exception cref="InvalidOperationException">Listening beyond loopback without a configured token.</exception>
    public static WebApplication Build(string[] args, CgtWebOptions? options = null)
    {
        options ??= new CgtWebOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(CgtWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var config = builder.Configuration;
        var urls = options.Urls ?? config["urls"] ?? BindingPolicy.DefaultUrls;
        BindingPolicy.Check(urls, !string.IsNullOrWhiteSpace(ConfiguredToken(config)));
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var live = sp.GetRequiredService<IConfiguration>();
            return new LibraryGate(options.DbPath ?? live["Cgt:Db"] ?? live["CGT_DB"] ?? "cgtatlas.db");
        });
        services.AddSingleton(sp => CreateToken(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<LibraryGate>(), options.Output ?? Console.Out));
        services.AddSingleton(sp => new UploadLimits
        {
            MaxFileBytes = (long)(double.TryParse(sp.GetRequiredService<IConfiguration>()["Cgt:MaxUploadMb"], System.Globalization.CultureInfo.InvariantCulture, out var mb)
                ? mb * 1024 * 1024 : new Ingest.IngestOptions().MaxFileBytes),
        });
        services.AddSingleton<UploadService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<TrialDashboard>();
        services.AddSingleton<SafeHtml>();
        services.AddSingleton<IBriefProvider, InsightsBriefProvider>();
        services.AddSingleton<IFactsProvider>(_ => new KnowledgeFactsProvider(CgtAtlas.Text.TextServices.Default));
        services.AddScoped(sp => Ui.For(sp.GetRequiredService<IHttpContextAccessor>().HttpContext!));
        services.AddHttpContextAccessor();
        options.ConfigureServices?.Invoke(services);

        services.AddProblemDetails();
        services.AddExceptionHandler<RequestErrorHandler>();
        // Chinese stays readable in the pages (Razor would otherwise write every CJK character as &#x…;); markup
        // characters are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // A parameter that does not bind (offset=abc) throws, so RequestErrorHandler answers with a ProblemDetails naming
        // it; otherwise the 400 would carry no body at all.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CgtAtlas API";
            document.Info.Description = "Search, read and review the CgtAtlas library. Reads are open on loopback; every change " +
                "(POST, PUT, DELETE) needs the access token as 'Authorization: Bearer TOKEN' or 'X-CGT-Token: TOKEN'. Errors are " +
                "RFC 9457 problem details.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["token"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "CGT_TOKEN, or the token `cgt serve` printed at first start",
            };
            return Task.CompletedTask;
        }));
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "cgt_af";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.FormFieldName = "__RequestVerificationToken";
            a.HeaderName = "RequestVerificationToken";
        });
        var mvc = services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new RequireUnlockForChangesFilter()));
        var web = typeof(CgtWebApp).Assembly;
        if (!mvc.PartManager.ApplicationParts.Any(p => p.Name == web.GetName().Name))
        {
            mvc.AddApplicationPart(web);
        }

        // The server refuses bodies beyond one upload's limit (also when the client sends no Content-Length).
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<UploadLimits>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>()
            .Configure<UploadLimits>((form, limits) => form.MultipartBodyLengthLimit = limits.MaxRequestBytes);

        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>The topic page of a tag (every tag in use is a topic, like every collection).</summary>
    /// <remarks>The name travels in the query string: tag names hold slashes ("Yescarta / 奕凯达"), which a path segment cannot.</remarks>
    private static IResult TagTopic(LibraryGate gate, string? name) => string.IsNullOrWhiteSpace(name) ? Results.NotFound() :
        gate.Run((_, w) => w.ListTopics().FirstOrDefault(t => t.Kind == Workspace.TopicKind.Tag && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            is { } topic ? Results.Redirect($"/topics/{topic.Id}") : Results.NotFound();

    private static string? ConfiguredToken(IConfiguration config) => config["Cgt:Token"] is { Length: > 0 } t ? t : config["CGT_TOKEN"];

    private static AccessToken CreateToken(IConfiguration config, LibraryGate gate, TextWriter output)
    {
        if (ConfiguredToken(config) is { Length: > 0 } configured)
        {
            return new AccessToken(configured, configured: true);
        }

        var stored = gate.Run((_, w) => w.GetSetting(AccessToken.SettingKey));
        if (stored is null)
        {
            stored = AccessToken.Generate();
            gate.Run((_, w) =>
            {
                w.SetSetting(AccessToken.SettingKey, stored);
                return 0;
            });
            output.WriteLine($"cgt serve: a new access token was generated and stored in {gate.DbPath}.");
            output.WriteLine($"cgt serve: token (shown once): {stored}");
            output.WriteLine("cgt serve: changes (upload, status, tags, notes, topics) need it; set CGT_TOKEN to choose your own.");
        }

        return new AccessToken(stored, configured: false);
    }

    private static void Configure(WebApplication app)
    {
        // Open the library and settle the token now, so problems show at start-up rather than on the first request.
        app.Services.GetRequiredService<AccessToken>();

        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseWhen(c => IsApi(c.Request.Path), a => a.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request.Path), a => a.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.Use(ReadGuard);
        app.UseRouting();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("CgtAtlas API").DisableDefaultFonts());
        app.MapCgtApi();
        app.MapGet("/static/{name}", StaticFile).ExcludeFromDescription();
        app.MapGet("/lang/{code}", SetLanguage).ExcludeFromDescription();
        app.MapGet("/topics/tag", TagTopic).ExcludeFromDescription();
        app.MapRazorPages();
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The API reference page (Scalar) configures itself with an inline script; everything else runs none.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
            : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return next();
    }

    /// <summary>Reads are open on this machine; from elsewhere (only possible with a configured token) they need it too.</summary>
    private static async Task ReadGuard(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if (AccessToken.IsLocal(context) || path.StartsWithSegments("/unlock") || path.StartsWithSegments("/static") || path.StartsWithSegments("/lang"))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var token = context.RequestServices.GetRequiredService<AccessToken>();
        if (token.HeaderAuthorized(context) || token.CookieAuthorized(context))
        {
            await next().ConfigureAwait(false);
            return;
        }

        if (IsApi(path))
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: 401, title: "Token required", detail: "from another machine every request needs the access token")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.Redirect("/unlock?returnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
    }

    private static IResult StaticFile(string name)
    {
        var stream = typeof(CgtWebApp).Assembly.GetManifestResourceStream("static/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + BuildStamp + "\""));
    }

    private static readonly string BuildStamp = typeof(CgtWebApp).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static IResult SetLanguage(HttpContext context, string code, string? returnUrl)
    {
        var language = code == "zh" ? "zh" : "en";
        context.Response.Cookies.Append(Ui.CookieName, language, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            HttpOnly = true,
            IsEssential = true,
        });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }

    /// <summary>Form posts on pages (other than /unlock) need the unlocked cookie; antiforgery is checked as well.</summary>
    private sealed class RequireUnlockForChangesFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || context.HandlerInstance is Pages.UnlockModel)
            {
                await next().ConfigureAwait(false);
                return;
            }

            var token = http.RequestServices.GetRequiredService<AccessToken>();
            if (token.CookieAuthorized(http) || token.HeaderAuthorized(http))
            {
                await next().ConfigureAwait(false);
                return;
            }

            var wantsJson = http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
            context.Result = wantsJson
                ? new Microsoft.AspNetCore.Mvc.ObjectResult(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 401,
                    Title = "Token required",
                    Detail = "unlock editing first (/unlock)",
                }) { StatusCode = 401 }
                : new Microsoft.AspNetCore.Mvc.RedirectResult("/unlock?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }
    }
}
