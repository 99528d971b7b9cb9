package io.reqlens.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The same flat lines as Reqlens's {@code flat} format, written with Jackson's streaming {@link
 * JsonGenerator} (pre-serialized keys, resource rendered once, one reused buffer, one write per
 * batch): the best Jackson gets, as the baseline for the JSON-writer decision.
 */
final class JacksonFlatWriter {

  private static final SerializableString TRACE_ID = new SerializedString("trace_id");
  private static final SerializableString SPAN_ID = new SerializedString("span_id");
  private static final SerializableString PARENT = new SerializedString("parent_span_id");
  private static final SerializableString NAME = new SerializedString("name");
  private static final SerializableString KIND = new SerializedString("kind");
  private static final SerializableString START = new SerializedString("start_ns");
  private static final SerializableString END = new SerializedString("end_ns");
  private static final SerializableString DUR = new SerializedString("dur_ns");
  private static final SerializableString STATUS = new SerializedString("status");
  private static final SerializableString ATTRIBUTES = new SerializedString("attributes");
  private static final SerializableString RESOURCE = new SerializedString("resource");
  private static final SerializableString EVENTS = new SerializedString("events");

  private final JsonFactory factory = new JsonFactory();

  /** Exposes its array, so a batch goes to the file without the copy toByteArray() makes. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1 << 20);
    }

    ByteBuffer contents() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }

  private final Buffer buffer = new Buffer();
  private final FileChannel channel;
  private Resource cachedResource;
  private String cachedResourceJson;

  JacksonFlatWriter(Path file) throws IOException {
    channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
  }

  boolean export(List<SpanData> spans) {
    try {
      buffer.reset();
      JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8);
      g.setRootValueSeparator(new SerializedString("\n"));
      for (SpanData s : spans) {
        g.writeStartObject();
        g.writeFieldName(TRACE_ID);
        g.writeString(s.getSpanContext().getTraceId());
        g.writeFieldName(SPAN_ID);
        g.writeString(s.getSpanContext().getSpanId());
        g.writeFieldName(PARENT);
        if (s.getParentSpanContext().isValid()) {
          g.writeString(s.getParentSpanContext().getSpanId());
        } else {
          g.writeNull();
        }
        g.writeFieldName(NAME);
        g.writeString(s.getName());
        g.writeFieldName(KIND);
        g.writeString(s.getKind().name());
        g.writeFieldName(START);
        g.writeNumber(s.getStartEpochNanos());
        g.writeFieldName(END);
        g.writeNumber(s.getEndEpochNanos());
        g.writeFieldName(DUR);
        g.writeNumber(s.getEndEpochNanos() - s.getStartEpochNanos());
        g.writeFieldName(STATUS);
        g.writeString(s.getStatus().getStatusCode().name());
        g.writeFieldName(ATTRIBUTES);
        writeAttributes(g, s.getAttributes());
        g.writeFieldName(RESOURCE);
        g.writeRawValue(resourceJson(s.getResource()));
        g.writeFieldName(EVENTS);
        g.writeStartArray();
        for (EventData e : s.getEvents()) {
          g.writeStartObject();
          g.writeFieldName(NAME);
          g.writeString(e.getName());
          g.writeFieldName(ATTRIBUTES);
          writeAttributes(g, e.getAttributes());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.close();
      ByteBuffer bb = buffer.contents();
      while (bb.hasRemaining()) {
        channel.write(bb);
      }
      if (channel.position() > (64L << 20)) {
        channel.truncate(0);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String resourceJson(Resource resource) throws IOException {
    if (resource != cachedResource) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (JsonGenerator g = factory.createGenerator(b, JsonEncoding.UTF8)) {
        writeAttributes(g, resource.getAttributes());
      }
      cachedResourceJson = b.toString("UTF-8");
      cachedResource = resource;
    }
    return cachedResourceJson;
  }

  private static void writeAttributes(JsonGenerator g, Attributes attributes) throws IOException {
    g.writeStartObject();
    for (java.util.Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
      g.writeFieldName(e.getKey().getKey());
      Object v = e.getValue();
      if (v instanceof String) {
        g.writeString((String) v);
      } else if (v instanceof Long) {
        g.writeNumber((Long) v);
      } else if (v instanceof Double) {
        g.writeNumber((Double) v);
      } else if (v instanceof Boolean) {
        g.writeBoolean((Boolean) v);
      } else {
        g.writeString(String.valueOf(v));
      }
    }
    g.writeEndObject();
  }

  void close() throws IOException {
    channel.close();
  }
}
