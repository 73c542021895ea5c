using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CgtAtlas.Web.Tests;

/// <summary>The workspace as seen from another machine (the test host's requests get a non-loopback address).</summary>
public sealed class RemoteFixture : IDisposable
{
    public RemoteFixture() => Web = new RemoteWeb();

    public RemoteWeb Web { get; }

    public void Dispose() => Web.Dispose();

    public sealed class RemoteWeb : IDisposable
    {
        private readonly WebFixture _inner = new();
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory;

        public RemoteWeb() => _factory = _inner.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddress>()));

        public HttpClient Client() => _factory.CreateClient(new() { AllowAutoRedirect = false });

        public void Dispose()
        {
            _factory.Dispose();
            _inner.Dispose();
        }
    }

    private sealed class RemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> go) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
                return go();
            });
            next(app);
        };
    }
}

public sealed class RemoteAccessTests(RemoteFixture remote) : IClassFixture<RemoteFixture>
{
    [Fact]
    public async Task Api_reads_from_another_machine_need_the_token()
    {
        var client = remote.Web.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/search?q=CAR-T")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WebFixture.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=CAR-T")).StatusCode);
    }

    [Fact]
    public async Task Pages_from_another_machine_go_to_unlock_first()
    {
        var response = await remote.Web.Client().GetAsync("/search?q=CAR-T");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/unlock?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await remote.Web.Client().GetAsync("/unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await remote.Web.Client().GetAsync("/static/site.css")).StatusCode);
    }
}
