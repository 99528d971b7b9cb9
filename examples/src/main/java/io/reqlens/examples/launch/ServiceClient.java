package io.reqlens.examples.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP/1.1 client for the example service that reads each response's {@code traceresponse}
 * header, so a caller knows the trace id of every request, sampled or not. Used by the end-to-end
 * tests and the demo.
 */
public final class ServiceClient {

  /**
   * A response: status, body, and the ids from {@code traceresponse}.
   *
   * @param status the HTTP status
   * @param body the body as text
   * @param traceResponse the {@code traceresponse} header, {@code null} when absent (no agent)
   */
  public record Response(int status, String body, String traceResponse) {

    /** The trace id from {@code traceresponse}; throws when the header is missing. */
    public String traceId() {
      return part(1, 32);
    }

    /** The server span's id from {@code traceresponse}. */
    public String spanId() {
      return part(2, 16);
    }

    /** Whether the server span was sampled (bit 0 of the flags; bit 1 is W3C "random"). */
    public boolean sampled() {
      return (Integer.parseInt(part(3, 2), 16) & 1) == 1;
    }

    private String part(int index, int length) {
      if (traceResponse == null) {
        throw new IllegalStateException("no traceresponse header (status " + status + ")");
      }
      String[] parts = traceResponse.split("-");
      if (parts.length != 4 || parts[index].length() != length) {
        throw new IllegalStateException("malformed traceresponse: " + traceResponse);
      }
      return parts[index];
    }
  }

  /** A failure bound: a cold service on a loaded machine can take long to answer its first. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final String baseUrl;

  /** A client for {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
  public ServiceClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code GET path}; {@code path} may hold a query string. */
  public Response get(String path) {
    return send(request(path).GET().build());
  }

  /** GET with a W3C {@code traceparent}, as an upstream service would send it. */
  public Response get(String path, String traceparent) {
    return send(request(path).header("traceparent", traceparent).GET().build());
  }

  /** {@code POST path} with a body of the given content type. */
  public Response post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.body(), r.headers().firstValue("traceresponse").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri().getPath() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
