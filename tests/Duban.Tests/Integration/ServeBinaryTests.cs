using System.Net;
using System.Net.Sockets;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>
/// The built binary's `serve` as an operator starts it: from another folder than the repository or the binary, on the
/// database its environment names (here the one a test app has prepared).
/// </summary>
public abstract class ServeBinaryTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Started_from_another_folder_the_site_serves_its_styles_and_the_prepared_database()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = DubanCli.Start(app.CliEnvironment, "serve", "--urls", url, "--data", app.DataDir);
        var output = server.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = server.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            await WaitUntilServingAsync(client, server);

            var login = await client.GetStringAsync("/account/login");
            var css = await client.GetAsync("/css/app.css");

            Assert.Equal(Path.GetTempPath().TrimEnd('/'), server.StartInfo.WorkingDirectory.TrimEnd('/'));
            Assert.Contains("<link rel=\"stylesheet\" href=\"css/app.css\"", login);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.Contains(".topbar", await css.Content.ReadAsStringAsync());
            // Only the prepared database has the demo accounts; a server that ignored its environment would start an empty one.
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitLoginAsync("demo-supervisor", Core.Data.DemoData.Password)).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
            await Task.WhenAll(output, errors);
        }
    }

    private static async Task WaitUntilServingAsync(HttpClient client, System.Diagnostics.Process server)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            Assert.False(server.HasExited, "the server exited at start");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        Assert.Fail("the server did not answer /healthz within a minute");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteServeBinaryTests(SqliteAppFactory app) : ServeBinaryTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresServeBinaryTests(PostgresAppFactory app) : ServeBinaryTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
