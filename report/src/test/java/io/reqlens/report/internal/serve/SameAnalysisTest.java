package io.reqlens.report.internal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.internal.analysis.Analysis;
import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.analysis.RequestAssembler;
import io.reqlens.report.internal.analysis.WindowStore;
import io.reqlens.report.internal.input.EventReader;
import io.reqlens.report.internal.input.InputFiles;
import io.reqlens.report.internal.render.JsonRenderer;
import io.reqlens.report.testing.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's window, replayed through the report's analysis, gives the report's numbers: the
 * same document as {@code report --json} over the same files (all but the input counters, which
 * differ by the fixture's torn last line the follower leaves for later).
 */
class SameAnalysisTest {

  private static AnalysisOptions options() {
    AnalysisOptions o = new AnalysisOptions();
    o.zone = ZoneId.of("UTC");
    o.nowNs = Fixtures.NOW.getEpochSecond() * 1_000_000_000L;
    return o;
  }

  private static String json(ReportData d) throws IOException {
    StringWriter w = new StringWriter();
    JsonRenderer.render(d, w, true);
    String s = w.toString();
    return s.substring(s.indexOf("\"highlights\""));
  }

  @Test
  void theWindowReplayedGivesTheReportsDocument() throws IOException {
    Analysis direct = new Analysis(options());
    RequestAssembler assembler = new RequestAssembler(direct);
    EventReader reader = new EventReader();
    reader.read(InputFiles.list(List.of(Fixtures.dir())).files, assembler, (a, b) -> {});
    assembler.finish();
    String report = json(direct.result(reader.stats(), assembler));

    DashboardConfig c =
        new DashboardConfig()
            .inputs(List.of(Fixtures.dir()))
            .window(Duration.ofDays(30))
            .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    Model m = new Model(c, c.filter);
    new Follower(m).poll();
    Analysis replayed = new Analysis(options());
    m.store.replay(WindowStore.Selection.ALL, replayed);
    String dashboard = json(replayed.result(m.ingest.lines().stats(), m.ingest.assembler()));

    assertThat(dashboard).isEqualTo(report);
    assertThat(report).contains("GET /api/slow");
  }
}
