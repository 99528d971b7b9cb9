package io.reqlens.report.internal.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Estimated requests by day of week (Monday first) and hour of day, in one time zone. */
final class Heatmap {

  private final ZoneId zone;
  private final double[][] cells = new double[7][24];
  // Why cache the hour? Converting every timestamp with java.time is the slowest step here;
  // consecutive requests almost always fall into the same hour.
  private long cachedHourStartNs = Long.MIN_VALUE;
  private long cachedHourEndNs = Long.MIN_VALUE;
  private int cachedDay;
  private int cachedHour;

  Heatmap(ZoneId zone) {
    this.zone = zone;
  }

  void add(long tsNs, double weight) {
    if (tsNs < cachedHourStartNs || tsNs >= cachedHourEndNs) {
      ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(tsNs, 1_000_000_000L)).atZone(zone);
      ZonedDateTime hourStart = t.withMinute(0).withSecond(0).withNano(0);
      cachedHourStartNs = hourStart.toEpochSecond() * 1_000_000_000L;
      cachedHourEndNs = hourStart.plusHours(1).toEpochSecond() * 1_000_000_000L;
      cachedDay = t.getDayOfWeek().getValue() - 1;
      cachedHour = t.getHour();
    }
    cells[cachedDay][cachedHour] += weight;
  }

  ReportData.Heatmap result() {
    ReportData.Heatmap h = new ReportData.Heatmap();
    h.zone = zone.getId();
    h.requests = cells;
    return h;
  }
}
