package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Child process of {@link CrashRepairTest}: writes numbered lines from {@code args[1]} (0 when
 * absent) as fast as it can and prints {@code ack N} after each batch the writer reported written,
 * until it is killed.
 */
public final class CrashWriterMain {

  private CrashWriterMain() {}

  public static void main(String[] args) {
    RotatingFileWriter writer =
        new RotatingFileWriter(
            Paths.get(args[0]),
            "spans",
            64 << 10,
            TimeUnit.SECONDS.toNanos(1),
            Long.MAX_VALUE,
            Clock.getDefault());
    long seq = args.length > 1 ? Long.parseLong(args[1]) : 0;
    while (true) {
      Lines lines = Lines.of(0, seq, 50, 200);
      if (writer.write(lines.buf, lines.ends, lines.count)) {
        seq += 50;
        System.out.println("ack " + (seq - 1));
        System.out.flush();
      }
    }
  }
}
