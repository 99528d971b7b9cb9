package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * One line of a span file into spans, whatever the format: a line whose object has {@code
 * resourceSpans} is OTLP/JSON ({@code otlp}), one with {@code trace_id} is a {@code flat} span.
 * Deciding per line lets one folder hold both (the format can change between runs).
 */
final class LineDecoder {

  private final JsonFactory json = JsonFactory.builder().build();

  /**
   * The spans of a line, in file order.
   *
   * @throws BadLine when the line is not JSON, not a span line, or a span in it is invalid
   */
  List<ReplaySpan> decode(byte[] buf, int off, int len) {
    try (JsonParser p = json.createParser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadLine("not a JSON object");
      }
      if (p.nextToken() != JsonToken.FIELD_NAME) {
        throw new BadLine("an empty object");
      }
      String first = JsonValues.norm(p.currentName());
      List<ReplaySpan> spans;
      if (first.equals("resourcespans")) {
        spans = OtlpLine.spans(p);
      } else if (first.equals("traceid")) {
        spans = List.of(FlatLine.span(p));
      } else {
        throw new BadLine("not a span line (expected resourceSpans or trace_id first)");
      }
      if (p.nextToken() != null) {
        throw new BadLine("text after the JSON object");
      }
      return spans;
    } catch (JsonProcessingException e) {
      throw new BadLine("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadLine("cannot parse: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadLine("invalid value: " + e.getMessage());
    }
  }
}
