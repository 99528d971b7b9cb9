package io.reqlens.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.exporters.JsonlSpanExporter;
import io.reqlens.exporters.ReqEventExporter;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: a secrets fuzz through the whole pipeline with default settings — the local-trace
 * processor in front of an in-memory exporter (what OTLP would send) and the {@code jsonl} (both
 * formats) and {@code req} file exporters. Secrets are planted in query parameters whose names are
 * varied the way clients and attackers vary them (case, percent-encoding once or twice, nested and
 * prefixed names, {@code ;} separators), in captured request and response headers, and in SQL
 * literals and comments. None may reach OTLP (queries, headers) or a file (all three).
 *
 * <p>Deterministic: a seeded generator and sequential trace ids; every secret matches {@link
 * #SECRET}, which nothing else in the output can.
 */
class ReliabilitySecretsFuzzTest {

  static final int REQUESTS = 1500;
  static final Pattern SECRET = Pattern.compile("S3cr3t\\d+Q|3141592653\\d{5}27182818");

  static final String[] PARAM_NAMES = {
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "access_token",
    "refresh_token",
    "api_key",
    "apikey",
    "session",
    "sessionid",
    "jsessionid",
    "auth",
    "authorization",
    "credit_card",
    "card_number",
    "cvv",
    "client_secret",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "sig",
    "jwt",
    "id_token",
    "private_key",
    "new_password",
    "passwordConfirm",
    "user[password]",
    "user[credentials][token]",
    "account.secret",
    "oauth_token",
    "SAMLRequestToken"
  };

  static final String[] HEADERS = {
    "http.request.header.authorization",
    "http.request.header.proxy-authorization",
    "http.request.header.cookie",
    "http.request.header.x-api-key",
    "http.request.header.x-auth-token",
    "http.request.header.x-csrf-token",
    "http.request.header.x_session_id",
    "http.request.header.x-amz-security-token",
    "http.request.header.api-key",
    "http.response.header.set-cookie",
    "http.response.header.x-auth-token",
  };

  static final String[] SQL = {
    "SELECT * FROM users WHERE password = '%s' AND id = 1",
    "SELECT * FROM users WHERE password = E'%s'",
    "UPDATE users SET token = $$%s$$ WHERE id = ?",
    "UPDATE users SET token = $t$%s$t$ WHERE id = ?",
    "SELECT * FROM users WHERE name = \"%s\"",
    "SELECT * FROM t WHERE a IN ('x', '%s', 'y')",
    "SELECT * FROM t WHERE a = N'%s' -- and more",
    "SELECT * FROM t WHERE a = U&'%s'",
    "SELECT * FROM t WHERE a = 'it''s %s'",
    "SELECT * FROM t WHERE a = 'a\\' %s'",
    "SELECT 1 -- %s",
    "SELECT /* %s */ 1",
    "SELECT 1 # %s",
    "INSERT INTO cards (number) VALUES (%s)",
  };

  @TempDir Path dir;

  @Test
  void noPlantedSecretReachesOtlpOrAFile() throws Exception {
    InMemorySpanExporter otlp = InMemorySpanExporter.create();
    SpanExporter files =
        SpanExporter.composite(
            JsonlSpanExporter.builder().setDirectory(dir.resolve("otlp")).build(),
            JsonlSpanExporter.builder()
                .setDirectory(dir.resolve("flat"))
                .setFormat(JsonlSpanExporter.Format.FLAT)
                .build(),
            ReqEventExporter.builder().setDirectory(dir.resolve("req")).build());
    AtomicLong ids = new AtomicLong();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn())
            .setIdGenerator(sequentialIds(ids))
            .addSpanProcessor(
                LocalTraceProcessor.builder(
                        io.opentelemetry.sdk.trace.SpanProcessor.composite(
                            SimpleSpanProcessor.create(otlp), SimpleSpanProcessor.create(files)))
                    .build())
            .build();
    Tracer tracer = provider.get("fuzz");
    Random random = new Random(15);
    int planted = 0;
    int sqlPlanted = 0;
    for (int i = 0; i < REQUESTS; i++) {
      String secret = "S3cr3t" + i + "Q";
      String query = query(random, secret, i);
      Span root =
          tracer
              .spanBuilder("GET /api/items")
              .setSpanKind(SpanKind.SERVER)
              .setNoParent()
              .setAttribute("http.request.method", "GET")
              .setAttribute("url.path", "/api/items")
              .setAttribute("url.query", query)
              .setAttribute("url.full", "http://127.0.0.1:8080/api/items?" + query)
              .setAttribute("http.route", "/api/items")
              .startSpan();
      String header = HEADERS[random.nextInt(HEADERS.length)];
      root.setAttribute(AttributeKey.stringArrayKey(header), List.of("Bearer " + secret));
      planted += 2;
      Span client =
          tracer
              .spanBuilder("GET")
              .setSpanKind(SpanKind.CLIENT)
              .setParent(Context.root().with(root))
              .setAttribute("url.full", "https://api.example/x?" + query(random, secret, i + 1))
              .startSpan();
      client.setAttribute(
          AttributeKey.stringArrayKey(HEADERS[random.nextInt(HEADERS.length)]), List.of(secret));
      client.end();
      planted += 2;
      String template = SQL[i % SQL.length];
      // Unquoted (VALUES (%s)) only a number is a literal; a word there is an identifier.
      boolean numeric = i % 3 == 0 || template.contains("(%s)");
      String literal =
          numeric ? "3141592653" + String.format(Locale.ROOT, "%05d", i) + "27182818" : secret;
      Span db =
          tracer
              .spanBuilder("SELECT users")
              .setSpanKind(SpanKind.CLIENT)
              .setParent(Context.root().with(root))
              // "..." strings and # comments are MySQL's (in PostgreSQL, an identifier and an
              // operator): the sanitizer is dialect-aware, so the fuzz names the dialect.
              .setAttribute(
                  "db.system.name",
                  template.contains("\"") || template.contains("#") ? "mysql" : "postgresql")
              .setAttribute("db.query.text", String.format(Locale.ROOT, template, literal))
              .startSpan();
      db.end();
      sqlPlanted++;
      root.end();
    }
    List<SpanData> sent = otlp.getFinishedSpanItems(); // shutdown clears the in-memory exporter
    provider.shutdown().join(30, java.util.concurrent.TimeUnit.SECONDS);

    long otlpLeaks = 0;
    for (SpanData s : sent) {
      String attrs =
          s.getAttributes().asMap().entrySet().stream()
              .filter(e -> !e.getKey().getKey().equals("db.query.text"))
              .map(Object::toString)
              .collect(Collectors.joining(","));
      otlpLeaks += count(attrs);
    }
    long fileLeaks = 0;
    long fileLines = 0;
    StringBuilder example = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        fileLines += text.chars().filter(c -> c == '\n').count();
        Matcher m = SECRET.matcher(text);
        while (m.find()) {
          fileLeaks++;
          if (example.length() == 0) {
            int at = m.start();
            example.append(text, Math.max(0, at - 120), Math.min(text.length(), at + 40));
          }
        }
      }
    }
    System.out.println(
        "RELIABILITY secrets-fuzz [default settings; OTLP = in-memory exporter after the"
            + " processor; files = jsonl otlp + flat + req] requests="
            + REQUESTS
            + " spans="
            + sent.size()
            + " query_and_header_secrets="
            + planted
            + " sql_secrets="
            + sqlPlanted
            + " file_lines="
            + fileLines
            + " leaks_otlp="
            + otlpLeaks
            + " leaks_files="
            + fileLeaks);
    assertThat(sent).hasSize(3 * REQUESTS);
    assertThat(otlpLeaks).as("secrets in OTLP attributes").isZero();
    assertThat(fileLeaks).as("secrets in files, e.g. ...%s", example).isZero();
  }

  /** A query with one sensitive parameter among harmless ones, its name varied. */
  static String query(Random random, String secret, int i) {
    String name = vary(random, PARAM_NAMES[random.nextInt(PARAM_NAMES.length)]);
    String sep = random.nextInt(4) == 0 ? ";" : "&";
    return "page=" + i + sep + name + "=" + secret + sep + "sort=name";
  }

  static String vary(Random random, String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      switch (random.nextInt(6)) {
        case 0:
          b.append(Character.toUpperCase(c));
          break;
        case 1:
          b.append(encode(c));
          break;
        case 2:
          b.append(
              random.nextBoolean()
                  ? encode(c).replace("%", "%25")
                  : encode(c).toLowerCase(Locale.ROOT));
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String encode(char c) {
    return String.format(Locale.ROOT, "%%%02X", (int) c);
  }

  static long count(String s) {
    Matcher m = SECRET.matcher(s);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static IdGenerator sequentialIds(AtomicLong ids) {
    return new IdGenerator() {
      @Override
      public String generateSpanId() {
        return String.format(Locale.ROOT, "%016x", ids.incrementAndGet());
      }

      @Override
      public String generateTraceId() {
        return String.format(Locale.ROOT, "%032x", ids.incrementAndGet());
      }
    };
  }
}
