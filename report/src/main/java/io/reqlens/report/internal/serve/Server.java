package io.reqlens.report.internal.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reqlens.report.internal.render.WebAssets;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK's {@link HttpServer} with one handler: every request is authenticated first (401 without
 * the cookie or bearer token), only GET and HEAD are served (the dashboard changes nothing), and
 * every response carries the security headers.
 */
final class Server {

  private static final Logger LOG = Logger.getLogger(Server.class.getName());

  /**
   * Scripts and styles only from this server, no inline script or style, data only from this
   * server, nothing may frame the page, forms go nowhere.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String[] PAGES = {"/", "/route", "/request", "/errors", "/compare"};

  private final HttpServer http;
  private final ExecutorService threads;
  private final Auth auth;
  private final Views views;
  private final Map<String, byte[]> assets = new HashMap<>();
  private final byte[] page;

  Server(InetSocketAddress address, Auth auth, Views views) throws IOException {
    this.auth = auth;
    this.views = views;
    this.page = WebAssets.file("dashboard.html");
    assets.put("/static/chart.js", WebAssets.chartJs());
    for (String f :
        new String[] {
          "ui.js",
          "flamegraph.js",
          "dashboard.js",
          "dashboard-routes.js",
          "dashboard-request.js",
          "dashboard-errors.js",
          "report.css",
          "dashboard.css"
        }) {
      assets.put("/static/" + f, WebAssets.file(f));
    }
    this.http = HttpServer.create(address, 16);
    this.threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "reqlens-serve-http");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(threads);
    http.createContext("/", this::handle);
  }

  void start() {
    http.start();
  }

  InetSocketAddress address() {
    return http.getAddress();
  }

  void stop() {
    http.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      headers(ex);
      String method = ex.getRequestMethod();
      boolean head = method.equals("HEAD");
      boolean read = head || method.equals("GET");
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      if (read && q.containsKey("token")) {
        exchangeToken(ex, path, q, head);
        return;
      }
      if (!auth.allowed(ex)) {
        unauthorized(ex, path, head);
        return;
      }
      if (!read) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain", bytes("read-only: GET and HEAD only\n"), false);
        return;
      }
      route(ex, path, q, head);
    } catch (IllegalArgumentException e) {
      send(ex, 400, "application/json", error(e.getMessage()), false);
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.FINE, "reqlens serve: response failed", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reqlens serve: internal error", e);
      send(ex, 500, "application/json", error("internal error: " + e), false);
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex, String path, Map<String, String> q, boolean head)
      throws IOException {
    byte[] asset = assets.get(path);
    if (asset != null) {
      String type = path.endsWith(".css") ? "text/css" : "text/javascript";
      send(ex, 200, type + "; charset=utf-8", asset, head);
      return;
    }
    if (isPage(path)) {
      send(ex, 200, "text/html; charset=utf-8", page, head);
      return;
    }
    byte[] body;
    switch (path) {
      case "/api/v1/status":
        body = views.status();
        break;
      case "/api/v1/overview":
        body = views.overview();
        break;
      case "/api/v1/errors":
        body = views.errors();
        break;
      case "/api/v1/compare":
        body = views.compare(q.get("versions"), q.get("windows"));
        break;
      case "/api/v1/route":
        if (!q.containsKey("route")) {
          throw new IllegalArgumentException("route is required (and method, service)");
        }
        body = views.route(q.get("service"), q.get("method"), q.get("route"));
        break;
      case "/api/v1/request":
        String trace = q.get("trace_id");
        if (trace == null || !trace.matches("[0-9a-f]{32}")) {
          throw new IllegalArgumentException("trace_id must be 32 lowercase hex digits");
        }
        body = views.request(trace);
        if (body == null) {
          send(
              ex, 404, "application/json", error("trace " + trace + " is not in the window"), head);
          return;
        }
        break;
      default:
        send(ex, 404, "application/json", error("no such page or API: " + path), head);
        return;
    }
    send(ex, 200, "application/json", body, head);
  }

  /** The token in the URL becomes a cookie; the redirect drops it from the address bar. */
  private void exchangeToken(HttpExchange ex, String path, Map<String, String> q, boolean head)
      throws IOException {
    if (!auth.matches(q.get("token"))) {
      unauthorized(ex, path, head);
      return;
    }
    StringBuilder rest = new StringBuilder();
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (!e.getKey().equals("token")) {
        rest.append(rest.length() == 0 ? "?" : "&")
            .append(encode(e.getKey()))
            .append('=')
            .append(encode(e.getValue()));
      }
    }
    ex.getResponseHeaders().add("Set-Cookie", auth.setCookie());
    // Back to the same page of this server only: never to a path like //elsewhere.
    String target = isPage(path) ? path : "/";
    ex.getResponseHeaders().set("Location", target + rest);
    send(ex, 303, "text/plain", bytes("see " + path + "\n"), head);
  }

  private static boolean isPage(String path) {
    for (String p : PAGES) {
      if (p.equals(path)) {
        return true;
      }
    }
    return false;
  }

  private void unauthorized(HttpExchange ex, String path, boolean head) throws IOException {
    if (path.startsWith("/api/")) {
      send(
          ex,
          401,
          "application/json",
          error("unauthorized: send the cookie of the printed URL, or Authorization: Bearer TOKEN"),
          head);
    } else {
      send(
          ex,
          401,
          "text/plain; charset=utf-8",
          bytes(
              "401 unauthorized: open the URL that reqlens serve printed (it carries the access"
                  + " token)\n"),
          head);
    }
  }

  private static void headers(HttpExchange ex) {
    var h = ex.getResponseHeaders();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body, boolean head)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    if (head) {
      ex.sendResponseHeaders(code, -1);
      return;
    }
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.put(decode(k), decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] error(String message) {
    String m = message == null ? "error" : message;
    StringBuilder b = new StringBuilder("{\"error\":\"");
    for (char c : m.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return bytes(b.append("\"}\n").toString());
  }
}
