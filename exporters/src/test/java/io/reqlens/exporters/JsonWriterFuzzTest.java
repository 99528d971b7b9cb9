package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written escaping against a real JSON parser: every round trip must be exact. */
class JsonWriterFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] NASTY = {
    '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0, 0x1f, 0x7f, 0x80, 0x7ff, 0x800, 0xfffe, 0xffff,
    0x2028, 0x2029, 0xd800, 0xdbff, 0xdc00, 0xdfff
  };

  @Test
  void randomStringsRoundTripExactly() throws Exception {
    SplittableRandom random = new SplittableRandom(20251121);
    JsonWriter out = new JsonWriter();
    for (int i = 0; i < 10_000; i++) {
      String s = randomString(random);
      out.reset();
      out.raw('{');
      out.string("k" + s); // keys go through the same code
      out.raw(':');
      out.string(s);
      out.raw('}');
      String json = new String(out.buffer(), 0, out.size(), StandardCharsets.UTF_8);
      JsonNode node = JSON.readTree(out.buffer(), 0, out.size());
      // Lone surrogates cannot be UTF-8: they are written as U+FFFD, the one documented change.
      String expected = withLoneSurrogatesReplaced(s);
      assertThat(node.get("k" + expected)).as(json).isNotNull();
      assertThat(node.get("k" + expected).textValue()).as(json).isEqualTo(expected);
    }
  }

  @Test
  void numbersParseBack() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    JsonWriter out = new JsonWriter();
    long[] edges = {0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (int i = 0; i < 10_000; i++) {
      long v = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
      double d = i < edges.length ? edges[i] : Double.longBitsToDouble(random.nextLong());
      out.reset();
      out.raw('[');
      out.number(v);
      out.raw(',');
      out.quotedNumber(v);
      out.raw(',');
      out.number(d);
      out.raw(']');
      JsonNode node = JSON.readTree(out.buffer(), 0, out.size());
      assertThat(node.get(0).longValue()).isEqualTo(v);
      assertThat(node.get(1).textValue()).isEqualTo(Long.toString(v));
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        assertThat(node.get(2).textValue()).isEqualTo(Double.toString(d));
      } else {
        assertThat(node.get(2).doubleValue()).isEqualTo(d);
      }
    }
  }

  private static String withLoneSurrogatesReplaced(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return sb.toString();
  }

  private static String randomString(SplittableRandom random) {
    int len = random.nextInt(40);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      switch (random.nextInt(6)) {
        case 0:
          sb.append(NASTY[random.nextInt(NASTY.length)]);
          break;
        case 1:
          sb.append((char) random.nextInt(0x20)); // control characters
          break;
        case 2:
          sb.appendCodePoint(0x10000 + random.nextInt(0x100000)); // valid surrogate pairs
          break;
        case 3:
          sb.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
          break;
        default:
          sb.append((char) (0x20 + random.nextInt(0x60)));
      }
    }
    return sb.toString();
  }
}
