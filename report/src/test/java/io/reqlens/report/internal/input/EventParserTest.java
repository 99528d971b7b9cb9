package io.reqlens.report.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.core.event.EventKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventParserTest {

  private final EventParser parser = new EventParser();

  private EventParser.Result parse(String line) {
    byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 2, b.length - 4);
  }

  @Test
  void readsEveryFieldOfAReq() {
    assertThat(
            parse(
                "{\"v\":1,\"kind\":\"REQ\",\"ts_ns\":1763629200000000000,"
                    + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"00f067aa0ba902b7\","
                    + "\"service\":\"shop\",\"service_version\":\"1.2\",\"sample_rate\":0.25,\"method\":\"GET\","
                    + "\"route\":\"/api/users/{id}\",\"path\":\"/api/users/7\",\"status\":200,\"dur_ns\":1500,"
                    + "\"bytes_in\":null,\"bytes_out\":180,\"error\":false,\"db_count\":2,\"db_dur_ns\":900,"
                    + "\"future_key\":{\"nested\":[1,2]}}"))
        .isEqualTo(EventParser.Result.OK);
    Event e = parser.event();
    assertThat(e.kind).isEqualTo(EventKind.REQ);
    assertThat(e.tsNs).isEqualTo(1763629200000000000L);
    assertThat(e.traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(e.service).isEqualTo("shop");
    assertThat(e.serviceVersion).isEqualTo("1.2");
    assertThat(e.weight()).isEqualTo(4.0);
    assertThat(e.route).isEqualTo("/api/users/{id}");
    assertThat(e.status).isEqualTo(200);
    assertThat(e.durNs).isEqualTo(1500);
    assertThat(e.bytesIn).isEqualTo(Event.NONE);
    assertThat(e.bytesOut).isEqualTo(180);
    assertThat(e.dbCount).isEqualTo(2);
    assertThat(e.dbDurNs).isEqualTo(900);
  }

  @Test
  void versionIsOptionalAndMissingRateWeighsOne() {
    assertThat(
            parse(
                "{\"kind\":\"DB\",\"ts_ns\":1,\"trace_id\":\"t\",\"dur_ns\":5,"
                    + "\"query\":\"SELECT ?\",\"sample_rate\":null}"))
        .isEqualTo(EventParser.Result.OK);
    assertThat(parser.event().version).isEqualTo(1);
    assertThat(parser.event().weight()).isEqualTo(1.0);
    assertThat(parser.event().query).isEqualTo("SELECT ?");
  }

  @Test
  void futureVersionIsRecognised() {
    assertThat(parse("{\"v\":2,\"kind\":\"REQ\",\"ts_ns\":1,\"trace_id\":\"t\",\"dur_ns\":5}"))
        .isEqualTo(EventParser.Result.FUTURE_VERSION);
    assertThat(parser.event().version).isEqualTo(2);
  }

  @Test
  void invalidJson() {
    assertThat(parse("{\"kind\":\"REQ\",")).isEqualTo(EventParser.Result.INVALID_JSON);
    assertThat(parse("not json")).isEqualTo(EventParser.Result.INVALID_JSON);
    assertThat(parse("{\"kind\":\"REQ\"} {}")).isEqualTo(EventParser.Result.INVALID_JSON);
    assertThat(parse("{\"ts_ns\":99999999999999999999999}"))
        .isEqualTo(EventParser.Result.INVALID_JSON);
  }

  @Test
  void jsonThatIsNotAnEvent() {
    assertThat(parse("[1,2]")).isEqualTo(EventParser.Result.NOT_EVENT);
    assertThat(parse("{\"resourceSpans\":[]}")).isEqualTo(EventParser.Result.NOT_EVENT);
    assertThat(parse("{\"kind\":\"SPAN\",\"ts_ns\":1,\"trace_id\":\"t\"}"))
        .isEqualTo(EventParser.Result.NOT_EVENT);
    assertThat(parse("{\"kind\":\"REQ\",\"ts_ns\":1,\"trace_id\":\"t\"}"))
        .as("a REQ needs dur_ns")
        .isEqualTo(EventParser.Result.NOT_EVENT);
    assertThat(parse("{\"kind\":\"REQ_META\",\"ts_ns\":1,\"trace_id\":\"t\"}"))
        .isEqualTo(EventParser.Result.OK);
  }
}
