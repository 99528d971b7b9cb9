package io.reqlens.report.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReaderTest {

  private static final String REQ =
      "{\"kind\":\"REQ\",\"ts_ns\":1,\"trace_id\":\"t1\",\"route\":\"/a\",\"dur_ns\":5}";

  @TempDir Path dir;

  @Test
  void countsEveryKindOfBadInputAndKeepsTheRest() throws IOException {
    Path closed = dir.resolve("events-1.jsonl");
    Files.write(
        closed,
        List.of(
            REQ,
            "",
            "{not json",
            "{\"hello\":\"world\"}",
            "{\"v\":3,\"kind\":\"REQ\",\"ts_ns\":1,\"trace_id\":\"t\",\"dur_ns\":1}",
            REQ));
    Path active = dir.resolve("events-2.jsonl.active");
    Files.write(active, (REQ + "\n{\"kind\":\"RE").getBytes(StandardCharsets.UTF_8));
    Path gone = dir.resolve("events-3.jsonl");
    Files.write(gone, List.of(REQ));
    InputFiles.Listing listing = InputFiles.list(List.of(dir));
    assertThat(listing.files).containsExactly(closed, gone, active);
    Files.delete(gone); // removed between listing and reading, like rotation's retention does

    EventReader reader = new EventReader();
    List<String> traces = new ArrayList<>();
    reader.read(listing.files, e -> traces.add(e.traceId), EventReader.Progress.NONE);

    InputStats s = reader.stats();
    assertThat(traces).containsExactly("t1", "t1", "t1");
    assertThat(s.filesRead).isEqualTo(2);
    assertThat(s.blankLines).isEqualTo(1);
    assertThat(s.skipped(InputStats.Skip.INVALID_JSON)).isEqualTo(1);
    assertThat(s.skipped(InputStats.Skip.NOT_EVENT)).isEqualTo(1);
    assertThat(s.skipped(InputStats.Skip.FUTURE_VERSION)).isEqualTo(1);
    assertThat(s.maxVersionSeen).isEqualTo(3);
    assertThat(s.skipped(InputStats.Skip.TORN)).isEqualTo(1);
    assertThat(s.skipped(InputStats.Skip.UNREADABLE_FILE)).isEqualTo(1);
    assertThat(s.problems()).as("torn tails are not problems").isEqualTo(4);
    assertThat(String.join("\n", s.examples()))
        .contains("events-1.jsonl:3: not valid JSON: {not json")
        .contains("events-1.jsonl:4: not an event")
        .contains("events-1.jsonl:5: schema version 3")
        .contains("events-3.jsonl: cannot read (no such file");
  }

  @Test
  void excerptsOfBadLinesAreShort() throws IOException {
    Path f = dir.resolve("events-1.jsonl");
    Files.write(f, List.of("{\"password\":\"" + "s".repeat(500) + "\"} trailing"));
    EventReader reader = new EventReader();
    reader.read(List.of(f), e -> {}, EventReader.Progress.NONE);
    String example = reader.stats().examples().get(0);
    assertThat(example).endsWith("…");
    assertThat(example.length()).isLessThan(100);
  }

  @Test
  void listingExplainsWhatItCannotUse() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path folderNamedLikeAFile = Files.createDirectories(dir.resolve("x/events-9.jsonl"));
    InputFiles.Listing l = InputFiles.list(List.of(empty, dir.resolve("missing.jsonl")));
    assertThat(l.files).isEmpty();
    assertThat(l.problems).hasSize(2);
    assertThat(l.problems.get(0)).contains("no event files");
    assertThat(l.problems.get(1)).contains("no such file or folder");
    // A folder named like an event file is listed by name, then skipped unopened: counted.
    EventReader reader = new EventReader();
    reader.read(
        InputFiles.list(List.of(folderNamedLikeAFile.getParent())).files,
        e -> {},
        EventReader.Progress.NONE);
    assertThat(reader.stats().skipped(InputStats.Skip.NOT_REGULAR_FILE)).isEqualTo(1);
  }
}
