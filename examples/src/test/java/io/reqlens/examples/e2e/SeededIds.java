package io.reqlens.examples.e2e;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A test-only agent extension: trace ids from a seeded generator ({@code REQLENS_TEST_ID_SEED}), so
 * that for a given seed and a given order of requests every root gets the same trace id, and so the
 * same ratio decision, on every run. The ids are SplitMix64 outputs (statistically random, as OTEP
 * 235 assumes); span ids stay random.
 *
 * <p>{@link #jar} packs this one class with its service file into a jar that {@link ExampleService}
 * passes to the agent next to the Reqlens extension. It is never shipped.
 */
public final class SeededIds implements AutoConfigurationCustomizerProvider, IdGenerator {

  static final String SEED_ENV = "REQLENS_TEST_ID_SEED";

  private final long seed;
  private final AtomicLong next = new AtomicLong();

  /** For the service loader: reads the seed from the environment (no seed: not installed). */
  public SeededIds() {
    String value = System.getenv(SEED_ENV);
    this.seed = value == null ? 0 : Long.parseLong(value);
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    if (System.getenv(SEED_ENV) != null) {
      customizer.addTracerProviderCustomizer((builder, config) -> builder.setIdGenerator(this));
    }
  }

  @Override
  public String generateTraceId() {
    long n = next.getAndAdd(2);
    return String.format("%016x%016x", mix(seed, n), mix(seed, n + 1) | 1); // never all zeros
  }

  @Override
  public String generateSpanId() {
    return IdGenerator.random().generateSpanId();
  }

  /** SplitMix64 (Steele, Lea and Flood, 2014) of the {@code n}-th value after {@code seed}. */
  static long mix(long seed, long n) {
    long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Writes the extension jar (this class and its service registration) to {@code file}. */
  static Path jar(Path file) {
    String cls = SeededIds.class.getName().replace('.', '/') + ".class";
    try (InputStream in = SeededIds.class.getClassLoader().getResourceAsStream(cls)) {
      if (in == null) {
        throw new IllegalStateException("class file not found: " + cls);
      }
      byte[] bytes = in.readAllBytes();
      Files.createDirectories(file.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
        out.putNextEntry(new JarEntry(cls));
        out.write(bytes);
        out.closeEntry();
        out.putNextEntry(
            new JarEntry(
                "META-INF/services/" + AutoConfigurationCustomizerProvider.class.getName()));
        out.write((SeededIds.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
