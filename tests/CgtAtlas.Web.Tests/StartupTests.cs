using CgtAtlas.Storage.Sqlite;
using CgtAtlas.Text;
using CgtAtlas.Web.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CgtAtlas.Web.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.1:80", false)]
    public void Only_loopback_counts_as_loopback(string? urls, bool loopback) => Assert.Equal(loopback, BindingPolicy.IsLoopbackOnly(urls));

    [Fact]
    public void Non_loopback_without_token_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BindingPolicy.Check("http://0.0.0.0:5080", tokenConfigured: false));
        Assert.Contains("CGT_TOKEN", ex.Message, StringComparison.Ordinal);
        BindingPolicy.Check("http://0.0.0.0:5080", tokenConfigured: true);
        BindingPolicy.Check("http://127.0.0.1:5080", tokenConfigured: false);
    }

    [Fact]
    public async Task Build_refuses_a_public_address_without_token()
    {
        var folder = Directory.CreateTempSubdirectory("cgt-web-start-").FullName;
        try
        {
            var ex = Assert.Throws<InvalidOperationException>(() =>
                CgtWebApp.Build([], new CgtWebOptions { DbPath = Path.Combine(folder, "lib.db"), Urls = "http://0.0.0.0:5999" }));
            Assert.Contains("refusing", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Task.Yield();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_token_is_generated_once_stored_and_printed_once()
    {
        var folder = Directory.CreateTempSubdirectory("cgt-web-token-").FullName;
        var db = Path.Combine(folder, "lib.db");
        try
        {
            var first = new StringWriter();
            string token;
            await using (var app = CgtWebApp.Build([], new CgtWebOptions { DbPath = db, Output = first }))
            {
                token = app.Services.GetRequiredService<LibraryGate>().Run((_, w) => w.GetSetting(AccessToken.SettingKey))!;
                Assert.False(app.Services.GetRequiredService<AccessToken>().Configured);
            }

            Assert.Contains(token, first.ToString(), StringComparison.Ordinal);
            Assert.True(token.Length >= 24);

            var second = new StringWriter();
            await using (var app = CgtWebApp.Build([], new CgtWebOptions { DbPath = db, Output = second }))
            {
                Assert.True(app.Services.GetRequiredService<AccessToken>().Matches(token));
            }

            Assert.DoesNotContain(token, second.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Workspace_store_keeps_status_tags_notes_and_topics()
    {
        var folder = Directory.CreateTempSubdirectory("cgt-ws-").FullName;
        var db = Path.Combine(folder, "lib.db");
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "A title\n\nSome body text about CAR-T.");
            long id;
            using (var library = new Library(SqliteLibraryStore.Open(db), TextServices.Default))
            {
                id = library.Ingest([Path.Combine(folder, "a.txt")], new Ingest.IngestOptions { Collections = ["C1"] }).Documents[0].Id;
            }

            using var gate = new LibraryGate(db);
            gate.Run((_, w) =>
            {
                Assert.Equal(Workspace.ReviewStatus.New, w.GetState(id).Status);
                Assert.True(w.SetStatus(id, Workspace.ReviewStatus.Done));
                Assert.False(w.SetStatus(999, Workspace.ReviewStatus.Done));
                Assert.True(w.SetNote(id, "  hello "));
                var tag = w.AddTag(id, "Kymriah", Workspace.TagType.Product)!;
                Assert.Equal(tag.Id, w.AddTag(id, "kymriah", Workspace.TagType.Product)!.Id);
                var state = w.GetState(id);
                Assert.Equal("hello", state.Note);
                Assert.Single(state.Tags);
                Assert.Equal(1, w.CountStatuses([id]).Done);
                var topic = w.ListTopics().Single(t => t.Name == "C1");
                Assert.Equal([id], w.TopicDocumentIds(topic));
                var tagTopic = w.CreateTopic("Kymriah", Workspace.TopicKind.Tag);
                Assert.Equal([id], w.TopicDocumentIds(tagTopic));
                Assert.Equal(tagTopic.Id, w.CreateTopic("Kymriah", Workspace.TopicKind.Tag).Id);
                return 0;
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_refuses_a_public_address_without_token_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("cgt-serve-").FullName;
        try
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CGT_TOKEN")))
            {
                return; // a configured token makes the address acceptable; nothing to check here
            }

            var output = new StringWriter();
            var error = new StringWriter();
            var code = Cli.CgtApp.Run(["--db", Path.Combine(folder, "lib.db"), "serve", "--urls", "http://0.0.0.0:5999"], output, error);
            Assert.Equal(2, code);
            Assert.Contains("CGT_TOKEN", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Serve_is_listed_in_help()
    {
        var output = new StringWriter();
        Cli.CgtApp.Run(["--help"], output, new StringWriter());
        Assert.Contains("serve", output.ToString(), StringComparison.Ordinal);
    }
}
