package io.reqlens.benchmarks.overhead;

/**
 * Counts the spans of a protobuf {@code ExportTraceServiceRequest} by walking the wire format:
 * {@code resource_spans} (field 1) → {@code scope_spans} (field 2) → {@code spans} (field 2). Why
 * by hand? The sink needs one number, and a protobuf runtime plus the OTLP classes would be the
 * bulk of the benchmark jar. Malformed input counts what it could read.
 */
final class ProtobufSpanCount {

  private ProtobufSpanCount() {}

  static long count(byte[] request) {
    return count(request, 0, request.length, 0);
  }

  /** Depth 0: the request, 1: a ResourceSpans, 2: a ScopeSpans. */
  private static long count(byte[] b, int from, int to, int depth) {
    long n = 0;
    int[] pos = {from};
    while (pos[0] < to) {
      long key = varint(b, pos, to);
      if (key < 0) {
        return n;
      }
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      switch (wire) {
        case 0 -> {
          if (varint(b, pos, to) < 0) {
            return n;
          }
        }
        case 1 -> pos[0] += 8;
        case 5 -> pos[0] += 4;
        case 2 -> {
          long len = varint(b, pos, to);
          if (len < 0 || pos[0] + len > to) {
            return n;
          }
          int start = pos[0];
          int end = (int) (start + len);
          if (depth == 0 && field == 1) {
            n += count(b, start, end, 1);
          } else if (depth == 1 && field == 2) {
            n += count(b, start, end, 2);
          } else if (depth == 2 && field == 2) {
            n++;
          }
          pos[0] = end;
        }
        default -> {
          return n; // groups (3, 4) are not used by OTLP
        }
      }
    }
    return n;
  }

  private static long varint(byte[] b, int[] pos, int to) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= to) {
        return -1;
      }
      byte x = b[pos[0]++];
      value |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return value;
      }
    }
    return -1;
  }
}
