package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a replay to one target got, per file: the offset of the first line not yet wholly sent
 * and how many spans of that line were. Written after every acknowledged batch (a new file renamed
 * over the old one, mode 0600), so an interrupted replay continues where the endpoint last said
 * yes. Format (version 1):
 *
 * <pre>{@code
 * {"version":1,"target":"grpc http://collector:4317","filters":"since=…;until=…;service=…",
 *  "files":{"/data/spans-….jsonl":{"offset":81234,"skip":0,"head_len":4096,"head":"<sha-256>",
 *                                   "spans":1530,"complete":true}}}
 * }</pre>
 *
 * <p>{@code head} is the SHA-256 of the file's first {@code head_len} bytes: a file deleted by
 * retention and replaced by another of the same name is recognised and read from its start.
 */
final class Checkpoint {

  static final int VERSION = 1;

  /** Bytes of a file's beginning that identify it. */
  static final int HEAD_BYTES = 4096;

  /** Where one file stands. */
  static final class Entry {
    long offset;
    int skip;
    int headLen;
    String head = "";
    long spans;
    boolean complete;
  }

  private static final JsonFactory JSON = JsonFactory.builder().build();

  final Path path;
  String target = "";
  String filters = "";
  final Map<String, Entry> files = new LinkedHashMap<>();

  Checkpoint(Path path) {
    this.path = path;
  }

  /** Reads {@code path}, or an empty checkpoint when there is none. */
  static Checkpoint load(Path path) throws IOException {
    Checkpoint c = new Checkpoint(path);
    if (!Files.exists(path)) {
      return c;
    }
    try (InputStream in = Files.newInputStream(path);
        JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a replay checkpoint");
      }
      int version = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "version":
            version = p.getIntValue();
            break;
          case "target":
            c.target = p.getText();
            break;
          case "filters":
            c.filters = p.getText();
            break;
          case "files":
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String file = p.currentName();
              p.nextToken();
              c.files.put(file, entry(p));
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (version != VERSION) {
        throw new IOException("checkpoint version " + version + ", this replay reads " + VERSION);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not a replay checkpoint: " + e.getOriginalMessage(), e);
    }
    return c;
  }

  private static Entry entry(JsonParser p) throws IOException {
    Entry e = new Entry();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "offset":
          e.offset = p.getLongValue();
          break;
        case "skip":
          e.skip = p.getIntValue();
          break;
        case "head_len":
          e.headLen = p.getIntValue();
          break;
        case "head":
          e.head = p.getText();
          break;
        case "spans":
          e.spans = p.getLongValue();
          break;
        case "complete":
          e.complete = p.getBooleanValue();
          break;
        default:
          p.skipChildren();
      }
    }
    return e;
  }

  /** Writes the checkpoint: a temporary file (0600) renamed over the old one. */
  void save() throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = dir.resolve(path.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // not a POSIX file system
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another replay is writing " + tmp, e);
    }
    try (OutputStream out = Files.newOutputStream(tmp);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("target", target);
      g.writeStringField("filters", filters);
      g.writeObjectFieldStart("files");
      for (Map.Entry<String, Entry> me : files.entrySet()) {
        Entry e = me.getValue();
        g.writeObjectFieldStart(me.getKey());
        g.writeNumberField("offset", e.offset);
        g.writeNumberField("skip", e.skip);
        g.writeNumberField("head_len", e.headLen);
        g.writeStringField("head", e.head);
        g.writeNumberField("spans", e.spans);
        g.writeBooleanField("complete", e.complete);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    try {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** SHA-256 (hex) of the first {@code len} bytes of {@code file}. */
  static String head(Path file, int len) throws IOException {
    byte[] b = new byte[len];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < len) {
        int r = in.read(b, n, len - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    if (n < len) {
      return ""; // shorter than it was: not the same file
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return hex(md.digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder(b.length * 2);
    for (byte x : b) {
      s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return s.toString();
  }

  /** The default checkpoint name for a target: one per endpoint, beside the files. */
  static String defaultName(String target) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String h = hex(md.digest(target.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
      return "reqlens-replay-" + h + ".checkpoint";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
