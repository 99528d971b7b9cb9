package io.reqlens.examples.launch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects a child's output lines into memory and a file. Lines from stdout and stderr are
 * interleaved whole, never torn, because each pump appends a complete line under one lock.
 */
final class ChildOutput {

  private final StringBuilder text = new StringBuilder(); // guarded by this
  private final BufferedWriter file; // guarded by this
  private final List<Thread> pumps = new ArrayList<>(); // guarded by this
  private boolean closed; // guarded by this

  ChildOutput(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  /** Copies {@code in} line by line on a daemon thread, calling {@code onLine} for each line. */
  void pump(InputStream in, String name, Consumer<String> onLine) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  append(line);
                  onLine.accept(line);
                }
              } catch (IOException e) {
                append("[harness] output pump failed: " + e);
              }
            },
            "child-" + name);
    t.setDaemon(true);
    synchronized (this) {
      pumps.add(t);
    }
    t.start();
  }

  private synchronized void append(String line) {
    text.append(line).append('\n');
    if (closed) {
      return;
    }
    try {
      file.write(line);
      file.newLine();
      file.flush(); // so the file is useful while a test hangs
    } catch (IOException e) {
      closeFile(); // keep pumping: a child blocked on a full pipe would hang
    }
  }

  synchronized String text() {
    return text.toString();
  }

  /** Waits (briefly) for the pumps to drain the exited child's output, then closes the file. */
  void close() {
    List<Thread> threads;
    synchronized (this) {
      threads = new ArrayList<>(pumps);
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    synchronized (this) {
      closeFile();
    }
  }

  private void closeFile() {
    closed = true;
    try {
      file.close();
    } catch (IOException e) {
      // the in-memory copy is still complete
    }
  }
}
