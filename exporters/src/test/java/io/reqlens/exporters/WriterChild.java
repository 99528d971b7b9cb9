package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of the reliability tests: a {@code req} exporter on the folder {@code args[0]},
 * driven by commands on stdin, one answer line each: {@code export FIRST COUNT} ({@code ok} or
 * {@code fail}), {@code rotate} (the clock jumps past the rotation interval, the timer's check
 * runs), {@code failures} (counts by reason), {@code close}.
 */
public final class WriterChild {

  private WriterChild() {}

  public static void main(String[] args) throws Exception {
    AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(1));
    Clock clock =
        new Clock() {
          @Override
          public long now() {
            return TestSpans.T0 + nanos.get();
          }

          @Override
          public long nanoTime() {
            return nanos.get();
          }
        };
    ReqEventExporter exporter =
        ReqEventExporter.builder()
            .setDirectory(Paths.get(args[0]))
            .setRotateInterval(5, TimeUnit.MINUTES)
            .setClock(clock)
            .build();
    RotatingFileWriter writer = exporter.fileExport().writer();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] w = line.trim().split(" ");
      switch (w[0]) {
        case "export":
          boolean ok =
              exporter
                  .export(Traffic.requests(Long.parseLong(w[1]), Integer.parseInt(w[2])))
                  .isSuccess();
          System.out.println(ok ? "ok" : "fail");
          break;
        case "rotate":
          nanos.addAndGet(TimeUnit.MINUTES.toNanos(6));
          writer.rotateIfDue();
          System.out.println("rotated");
          break;
        case "failures":
          StringBuilder b = new StringBuilder();
          for (ExportFailures.Reason r : ExportFailures.Reason.values()) {
            b.append(r.value).append('=').append(writer.failureCounts().count(r)).append(' ');
          }
          System.out.println(b.toString().trim());
          break;
        case "close":
          System.out.println(exporter.shutdown().isSuccess() ? "closed" : "close failed");
          return;
        default:
          System.out.println("unknown command " + line);
      }
      System.out.flush();
    }
  }
}
