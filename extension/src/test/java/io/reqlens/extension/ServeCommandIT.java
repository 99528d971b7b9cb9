package io.reqlens.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar reqlens-javaagent-extension.jar serve DIR}: the dashboard from the one shaded
 * jar, with no OpenTelemetry class on the class path, serving its pages, scripts and API.
 */
class ServeCommandIT {

  private static final Path JAR = Paths.get(System.getProperty("reqlens.extension.jar"));
  private static final Path FIXTURE = Paths.get(System.getProperty("reqlens.report.fixture"));

  @Test
  void theJarHoldsTheDashboardsFiles() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String f :
          new String[] {
            "dashboard.html",
            "dashboard.js",
            "dashboard.css",
            "ui.js",
            "flamegraph.js",
            "report.css"
          }) {
        assertThat(jar.getJarEntry("io/reqlens/report/" + f)).as(f).isNotNull();
      }
    }
  }

  @Test
  void servesTheFixtureBehindItsToken() throws Exception {
    Process p =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "serve",
                "--window",
                "3650d",
                FIXTURE.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
        if (line.trim().startsWith("open: ")) {
          url = line.trim().substring(6);
        }
      }
      assertThat(url).startsWith("http://127.0.0.1:");
      URI base = URI.create(url.substring(0, url.indexOf("/?token=")));
      String token = url.substring(url.indexOf("token=") + 6);
      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, base.resolve("/api/v1/status"), null).statusCode()).isEqualTo(401);
      for (String path :
          new String[] {"/", "/static/chart.js", "/static/dashboard.js", "/static/flamegraph.js"}) {
        assertThat(get(http, base.resolve(path), token).statusCode()).as(path).isEqualTo(200);
      }
      String status = "";
      for (int i = 0; i < 600 && !status.contains("\"ready\":true"); i++) {
        status = get(http, base.resolve("/api/v1/status"), token).body();
        Thread.sleep(100);
      }
      assertThat(status).contains("\"ready\":true").contains("\"stored\":240");
      assertThat(get(http, base.resolve("/api/v1/overview"), token).body())
          .contains("GET /api/slow");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
