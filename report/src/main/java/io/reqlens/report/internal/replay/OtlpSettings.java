package io.reqlens.report.internal.replay;

import io.reqlens.core.config.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how to send, from the options and else the standard variables, signal-specific first:
 * {@code OTEL_EXPORTER_OTLP_TRACES_X}, then {@code OTEL_EXPORTER_OTLP_X} (each also as the system
 * property {@code otel.exporter.otlp[.traces].x}, which wins over the variable as in the SDK).
 * Defaults are the specification's: {@code http/protobuf} to {@code http://localhost:4318}.
 */
final class OtlpSettings {

  static final String GRPC = "grpc";
  static final String HTTP = "http/protobuf";

  final String protocol;
  final String endpoint;
  final Map<String, String> headers;
  final Duration timeout;
  final String compression;
  final Path certificate;

  private OtlpSettings(
      String protocol,
      String endpoint,
      Map<String, String> headers,
      Duration timeout,
      String compression,
      Path certificate) {
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.headers = headers;
    this.timeout = timeout;
    this.compression = compression;
    this.certificate = certificate;
  }

  /**
   * @throws IllegalArgumentException naming the option or variable, the value and what is accepted
   */
  static OtlpSettings resolve(ReplayOptions o) {
    Source s = new Source(o);
    String[] protocol = s.pick(o.protocol, "--protocol", "PROTOCOL");
    String proto = protocol[0] == null ? HTTP : protocol[0].trim().toLowerCase(Locale.ROOT);
    if (!proto.equals(GRPC) && !proto.equals(HTTP)) {
      throw new IllegalArgumentException(
          "invalid value for "
              + protocol[1]
              + ": '"
              + protocol[0]
              + "'; accepted: grpc, http/protobuf (http/json is not supported by the"
              + " OpenTelemetry Java exporters)");
    }
    String endpoint = endpoint(o, s, proto);
    String[] headers = s.pick(o.headers, "--headers", "HEADERS");
    String[] timeout =
        s.pick(o.timeout == null ? null : o.timeout.toMillis() + "ms", "--timeout", "TIMEOUT");
    Duration t = Duration.ofSeconds(10);
    if (timeout[0] != null) {
      try {
        t = Duration.ofNanos(Durations.parseNanos(timeout[0]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid value for " + timeout[1] + ": '" + timeout[0] + "': " + e.getMessage(), e);
      }
    }
    String[] compression = s.pick(o.compression, "--compression", "COMPRESSION");
    String c = compression[0] == null ? "none" : compression[0].trim().toLowerCase(Locale.ROOT);
    if (!c.equals("none") && !c.equals("gzip")) {
      throw new IllegalArgumentException(
          "invalid value for "
              + compression[1]
              + ": '"
              + compression[0]
              + "'; accepted: gzip, none");
    }
    String[] cert = s.pick(null, "", "CERTIFICATE");
    return new OtlpSettings(
        proto,
        endpoint,
        headers(headers[0], headers[1]),
        t,
        c,
        cert[0] == null ? null : Paths.get(cert[0]));
  }

  private static String endpoint(ReplayOptions o, Source s, String proto) {
    boolean http = proto.equals(HTTP);
    String value;
    String from;
    boolean base; // a base URL to which /v1/traces is appended (http/protobuf)
    if (o.endpoint != null) {
      value = o.endpoint;
      from = "--endpoint";
      base = true;
    } else if (s.get("TRACES_ENDPOINT")[0] != null) {
      String[] v = s.get("TRACES_ENDPOINT");
      value = v[0];
      from = v[1];
      base = false;
    } else if (s.get("ENDPOINT")[0] != null) {
      String[] v = s.get("ENDPOINT");
      value = v[0];
      from = v[1];
      base = true;
    } else {
      return http ? "http://localhost:4318/v1/traces" : "http://localhost:4317";
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid value for " + from + ": '" + value + "': not a URL: " + e.getReason(), e);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "invalid value for "
              + from
              + ": '"
              + value
              + "'; accepted: an http:// or https:// URL with a host, e.g. http://localhost:"
              + (http ? "4318" : "4317"));
    }
    String u = uri.toString();
    if (http && base) {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (path.isEmpty() || path.equals("/")) {
        u = u.endsWith("/") ? u + "v1/traces" : u + "/v1/traces";
      } else if (from.equals("--endpoint")) {
        return u; // a full URL given on the command line is used as it is
      } else {
        u = u.endsWith("/") ? u + "v1/traces" : u + "/v1/traces";
      }
    }
    return u;
  }

  /** W3C-baggage-like {@code k=v,k2=v2}, values percent-decoded, as the specification says. */
  static Map<String, String> headers(String text, String from) {
    Map<String, String> h = new LinkedHashMap<>();
    if (text == null || text.trim().isEmpty()) {
      return h;
    }
    for (String part : text.split(",")) {
      if (part.trim().isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "invalid value for "
                + from
                + ": a header without '=' (accepted: key=value,key2=value2)");
      }
      String key = part.substring(0, eq).trim();
      String value = URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8);
      h.put(key, value);
    }
    return h;
  }

  /** The endpoint without user info, query or fragment: safe to print. */
  String printableEndpoint() {
    try {
      URI u = new URI(endpoint);
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return "(endpoint)";
    }
  }

  /** The checkpoint's target: which endpoint, over which protocol. */
  String target() {
    return protocol + " " + printableEndpoint();
  }

  /** Looks a key up as system property and variable, signal-specific first. */
  private static final class Source {
    private final ReplayOptions o;

    Source(ReplayOptions o) {
      this.o = o;
    }

    /** [value, where it came from] for an option, else TRACES_key, else key. */
    String[] pick(String option, String optionName, String key) {
      if (option != null) {
        return new String[] {option, optionName};
      }
      String[] v = get("TRACES_" + key);
      return v[0] != null ? v : get(key);
    }

    String[] get(String key) {
      String env = "OTEL_EXPORTER_OTLP_" + key;
      String prop = env.toLowerCase(Locale.ROOT).replace('_', '.');
      String p = o.systemProperties.getProperty(prop);
      if (p != null && !p.trim().isEmpty()) {
        return new String[] {p, "-D" + prop};
      }
      String e = o.env.get(env);
      if (e != null && !e.trim().isEmpty()) {
        return new String[] {e, env};
      }
      return new String[] {null, env};
    }
  }
}
