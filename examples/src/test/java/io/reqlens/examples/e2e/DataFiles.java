package io.reqlens.examples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files the {@code jsonl} and {@code req} exporters write into one folder ({@code spans-*} and
 * {@code events-*}, closed {@code .jsonl} and active {@code .jsonl.active}), read back line by
 * line. Every whole line must parse as JSON: a line that does not is a test failure, not a skip.
 * Text after a file's last newline is a line still being written to an active file (a reader may
 * catch a write half done) and is not read yet.
 */
final class DataFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long POLL_MILLIS = 20;

  private final Path dir;

  DataFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Every file in the folder. */
  List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed lines of the files whose names start with {@code prefix}. */
  List<JsonNode> lines(String prefix) {
    List<JsonNode> out = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Path> files = readAll(prefix, texts);
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      String text = texts.get(i);
      for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("not JSON in " + f + ": " + line, e);
        }
      }
    }
    return out;
  }

  /** Request-profile events (REQ, REQ_META, DB, FN). */
  List<JsonNode> events() {
    return lines("events-");
  }

  /** Events of one trace. */
  List<JsonNode> events(String traceId) {
    return events().stream()
        .filter(e -> traceId.equals(e.path("trace_id").asText()))
        .collect(Collectors.toList());
  }

  /** Waits until an event matches: the files are written right after the OTLP export. */
  JsonNode awaitEvent(Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (JsonNode e : events()) {
        if (filter.test(e)) {
          return e;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no matching event within " + timeout + " in " + dir);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Waits until the events of one kept request include {@code kinds} (each as often as listed) and
   * returns all its events then; fails after {@link Barrier#TIMEOUT}.
   *
   * <p>Why wait for a request's own events, not for a later marker's? The agent ends a server span
   * after the response is written, so the client may send the next request before it ends, and the
   * local-trace processor holds the children until their root ends: a marker's events can be on
   * disk before those of a request sent earlier. Within a request, its children's events are
   * written before or with its {@code REQ} (children end first), so after the {@code REQ} its
   * {@code DB} events are there too; a {@code REQ_META} may follow it in the same write, so a test
   * that needs one waits for it by name.
   */
  List<JsonNode> awaitEvents(String traceId, String... kinds) throws InterruptedException {
    long deadline = System.nanoTime() + Barrier.TIMEOUT.toNanos();
    while (true) {
      List<JsonNode> events = events(traceId);
      List<String> missing = new ArrayList<>(Arrays.asList(kinds));
      for (JsonNode e : events) {
        missing.remove(e.path("kind").asText());
      }
      if (missing.isEmpty()) {
        return events;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "trace "
                + traceId
                + ": no "
                + missing
                + " event within "
                + Barrier.TIMEOUT
                + " in "
                + dir
                + "; its events: "
                + events);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Waits until a span file ({@code spans-*}, OTLP/JSON) holds the span {@code spanId}, e.g. a
   * request's server span named by {@code traceresponse}; its children are written before or with
   * it. Fails after {@link Barrier#TIMEOUT}.
   */
  void awaitSpanLine(String spanId) throws InterruptedException {
    String needle = "\"spanId\":\"" + spanId + "\"";
    long deadline = System.nanoTime() + Barrier.TIMEOUT.toNanos();
    while (lines("spans-").stream().noneMatch(line -> line.toString().contains(needle))) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "no span " + spanId + " in the span files within " + Barrier.TIMEOUT + " in " + dir);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Everything on disk in the folder as text, for "never written anywhere" checks. */
  String allText() {
    List<String> texts = new ArrayList<>();
    readAll("", texts);
    return texts.stream().map(t -> t + "\n").collect(Collectors.joining());
  }

  /**
   * Reads every file whose name starts with {@code prefix} into {@code texts}; returns the files.
   * An active file can be renamed (rotated after {@code rotate_interval}, or closed at shutdown)
   * between listing and reading: then the folder is listed and read again.
   */
  private List<Path> readAll(String prefix, List<String> texts) {
    for (int attempt = 1; ; attempt++) {
      texts.clear();
      List<Path> read = new ArrayList<>();
      try {
        for (Path f : files()) {
          if (f.getFileName().toString().startsWith(prefix)) {
            texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            read.add(f);
          }
        }
        return read;
      } catch (NoSuchFileException e) {
        if (attempt == 10) {
          throw new UncheckedIOException(e);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
