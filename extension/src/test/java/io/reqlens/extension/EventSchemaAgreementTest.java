package io.reqlens.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.event.EventField;
import io.reqlens.core.event.EventKind;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import io.reqlens.core.semconv.ReqlensAttributes;
import io.reqlens.exporters.ReqEventExporter;
import io.reqlens.report.internal.input.Event;
import io.reqlens.report.internal.input.EventParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code req} exporter (writer) and the report's parser (reader) agree on every field of every
 * event kind, both taking the keys from the one schema ({@link EventKind}, {@link EventField}):
 * each written line has exactly its kind's keys in schema order, and every value written comes back
 * from the reader.
 */
class EventSchemaAgreementTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long T0 = 1_763_700_000_000_000_000L;

  /**
   * Keys the writer leaves {@code null} until the feature that fills them is wired in. Listed once
   * here so that a gap is visible, not silent; none is left.
   */
  private static final Set<EventField> NOT_WRITTEN_YET = EnumSet.noneOf(EventField.class);

  /** Kinds not written yet; none is left. */
  private static final Set<EventKind> KINDS_NOT_WRITTEN_YET = EnumSet.noneOf(EventKind.class);

  @TempDir Path dir;

  @Test
  void writerAndReaderAgreeOnEveryFieldOfEveryKind() throws IOException {
    SpanExporter exporter = ReqEventExporter.builder().setDirectory(dir).build();
    assertThat(exporter.export(spans()).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    exporter.shutdown().join(10, TimeUnit.SECONDS);

    Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
    for (String line : lines()) {
      EventParser parser = new EventParser();
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(parser.parse(bytes, 0, bytes.length)).as(line).isEqualTo(EventParser.Result.OK);
      Event event = parser.event();
      EventKind kind = event.kind;
      seen.add(kind);
      assertThat(keys(line))
          .as("keys of a %s line, in schema order", kind)
          .containsExactlyElementsOf(
              kind.fields().stream().map(EventField::key).collect(Collectors.toList()));
      for (EventField f : kind.fields()) {
        if (NOT_WRITTEN_YET.contains(f)) {
          assertThat(event.value(f)).as("%s.%s (not written yet)", kind, f.key()).isNull();
        } else {
          assertThat(event.value(f)).as("%s.%s read back", kind, f.key()).isNotNull();
        }
      }
    }
    Set<EventKind> expected = EnumSet.allOf(EventKind.class);
    expected.removeAll(KINDS_NOT_WRITTEN_YET);
    assertThat(seen).as("every kind was written and read").isEqualTo(expected);
  }

  private List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().collect(Collectors.toList())) {
        if (p.getFileName().toString().startsWith("events-")) {
          lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(lines).isNotEmpty();
    return lines;
  }

  private static List<String> keys(String line) throws IOException {
    List<String> keys = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(line)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        keys.add(name);
        p.nextToken();
        p.skipChildren();
      }
    }
    return keys;
  }

  /**
   * A failing, stack-sampled request with one query (issued by an N+1 caller) and one function
   * call: every kind the writer writes, every key filled.
   */
  private static List<SpanData> spans() {
    Resource resource =
        Resource.create(
            Attributes.builder()
                .put("service.name", "shop")
                .put("service.version", "1.0.0")
                .build());
    TraceState half = TraceState.builder().put("ot", "th:8").build();
    SpanContext server =
        SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), half);
    SpanData req =
        base(server, null, resource, SpanKind.SERVER, "GET /api/orders/{id}")
            .setStatus(StatusData.error())
            .setAttributes(
                Attributes.builder()
                    .put("http.request.method", "GET")
                    .put("http.route", "/api/orders/{id}")
                    .put("url.path", "/api/orders/7")
                    .put("http.response.status_code", 500L)
                    .put("http.request.body.size", 10L)
                    .put("http.response.body.size", 20L)
                    .put("reqlens.db.count", 1L)
                    .put("reqlens.db.duration_ns", 2_000_000L)
                    .build())
            .setEvents(
                List.of(
                    EventData.create(
                        T0 + 1,
                        "exception",
                        Attributes.builder()
                            .put("exception.type", "java.lang.IllegalStateException")
                            .put("exception.message", "no such order")
                            .put("exception.stacktrace", "java.lang.IllegalStateException: no")
                            .build())))
            .setTotalRecordedEvents(1)
            .build();
    SpanData db =
        base(child("00f067aa0ba902b8", half), server, resource, SpanKind.CLIENT, "SELECT orders")
            .setAttributes(
                Attributes.builder()
                    .put("db.system.name", "h2")
                    .put("db.operation.name", "SELECT")
                    .put("db.collection.name", "orders")
                    .put("db.query.text", "SELECT * FROM orders WHERE id = ?")
                    .put("db.response.returned_rows", 1L)
                    .put(
                        ReqlensAttributes.N_PLUS_ONE_CALLER, "com.acme.Orders.find(Orders.java:42)")
                    .build())
            .build();
    SpanData fn =
        base(child("00f067aa0ba902b9", half), server, resource, SpanKind.INTERNAL, "price")
            .setAttributes(Attributes.builder().put("code.function.name", "Shop.price").build())
            .build();
    FoldedProfile profile =
        FoldedProfile.of(
            3,
            10_000_000L,
            List.of(
                "java.lang.Thread.run;com.acme.Orders.get;java.lang.Thread.sleep;[TIMED_WAITING] 3"));
    return List.of(db, fn, new Profiled(req, profile));
  }

  /** The root as the local-trace processor hands it on when its request was stack-sampled. */
  private static final class Profiled extends DelegatingSpanData implements ProfiledSpanData {
    private final FoldedProfile profile;

    Profiled(SpanData data, FoldedProfile profile) {
      super(data);
      this.profile = profile;
    }

    @Override
    public FoldedProfile profile() {
      return profile;
    }
  }

  private static SpanContext child(String spanId, TraceState state) {
    return SpanContext.create(TRACE, spanId, TraceFlags.getSampled(), state);
  }

  private static TestSpanData.Builder base(
      SpanContext context, SpanContext parent, Resource resource, SpanKind kind, String name) {
    return TestSpanData.builder()
        .setSpanContext(context)
        .setParentSpanContext(parent == null ? SpanContext.getInvalid() : parent)
        .setResource(resource)
        .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("test"))
        .setName(name)
        .setKind(kind)
        .setStartEpochNanos(T0)
        .setEndEpochNanos(T0 + 5_000_000)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0);
  }
}
