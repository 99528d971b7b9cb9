package io.reqlens.profiler;

import java.util.Arrays;

/**
 * Interns frames ({@code package.Class.method}) to small ints, shared by every recording of one
 * profiler. Written only by the tick (under its lock); names are read by {@link Profile} on any
 * thread.
 *
 * <p>Why intern? A sampled stack becomes an {@code int[]} of frame ids: comparing and hashing ints
 * is cheap, a repeated stack costs no memory, and no string is built per sample — a frame's name is
 * built once, the first time the frame is seen. Why key on class and method only (no line)? A flame
 * graph folds lines of one method together, and fewer distinct frames mean smaller tables. {@code
 * StackTraceElement}'s class name comes from {@code Class.getName()} (cached) and HotSpot interns
 * method names, so their hash codes are computed once and equality usually hits {@code ==}.
 *
 * <p>Publication: a name is stored before the stack that uses it is published by the tick's
 * volatile write in {@link StackTable#publish()}; the names array itself is volatile, so a reader
 * that sees a stack sees its frame names.
 */
final class FrameTable {

  // Pseudo-frames, fixed ids below FIRST_REAL. States other than RUNNABLE are a last pseudo-frame.
  // TRUNCATED: the root of a stack cut at maxStackDepth, and the name of the over-limit bucket.
  static final int TRUNCATED = 0;
  static final int OTHER = 1; // a frame beyond the frame-table bound
  static final int NO_FRAMES = 2; // a thread with an empty stack (starting, exiting)
  private static final int STATE_BASE = 3; // + Thread.State ordinal
  private static final String[] PSEUDO = {"[truncated]", "[other]", "[no frames]"};
  static final int FIRST_REAL = STATE_BASE + Thread.State.values().length;

  private final int maxFrames;
  private volatile String[] names;
  private int size;
  // Open addressing (linear probing): slot -> frame id + 1; the key of frame id i is
  // classes[i] + methods[i].
  private int[] slots;
  private String[] classes;
  private String[] methods;
  private int overLimit;

  FrameTable(int maxFrames) {
    this.maxFrames = maxFrames;
    String[] initial = new String[64];
    System.arraycopy(PSEUDO, 0, initial, 0, PSEUDO.length);
    for (Thread.State state : Thread.State.values()) {
      initial[STATE_BASE + state.ordinal()] = "[" + state.name() + "]";
    }
    size = FIRST_REAL;
    classes = new String[initial.length];
    methods = new String[initial.length];
    slots = new int[128];
    names = initial;
  }

  /** The pseudo-frame of a thread state, or -1 for RUNNABLE (which adds no frame). */
  static int stateFrame(Thread.State state) {
    return state == Thread.State.RUNNABLE ? -1 : STATE_BASE + state.ordinal();
  }

  static boolean isPseudo(int id) {
    return id < FIRST_REAL;
  }

  static boolean isState(int id) {
    return id >= STATE_BASE && id < FIRST_REAL;
  }

  int intern(StackTraceElement element) {
    String className = element.getClassName();
    String methodName = element.getMethodName();
    int mask = slots.length - 1;
    int i = mix(className.hashCode() * 31 + methodName.hashCode()) & mask;
    for (int slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
      int id = slot - 1;
      if (same(classes[id], className) && same(methods[id], methodName)) {
        return id;
      }
    }
    if (size - FIRST_REAL >= maxFrames) {
      overLimit++;
      return OTHER;
    }
    int id = size;
    String[] current = names;
    if (id == current.length) {
      int capacity = current.length * 2;
      classes = Arrays.copyOf(classes, capacity);
      methods = Arrays.copyOf(methods, capacity);
      current = Arrays.copyOf(current, capacity);
    }
    classes[id] = className;
    methods[id] = methodName;
    current[id] = name(className, methodName);
    names = current; // volatile: publishes the grown array, or re-publishes the same one
    size = id + 1;
    slots[i] = id + 1;
    if ((size - FIRST_REAL) * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  String[] names() {
    return names;
  }

  int size() {
    return size - FIRST_REAL;
  }

  int overLimit() {
    return overLimit;
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int id = FIRST_REAL; id < size; id++) {
      int i = mix(classes[id].hashCode() * 31 + methods[id].hashCode()) & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = id + 1;
    }
    slots = bigger;
  }

  private static boolean same(String a, String b) {
    return a == b || a.equals(b);
  }

  static int mix(int h) {
    // Spreads the low bits, as HashMap does, so linear probing over a power-of-two table works.
    return h ^ (h >>> 16);
  }

  /**
   * {@code package.Class.method}, as {@code PROF.stacks} wants. Hidden lambda classes ({@code
   * Foo$$Lambda$14/0x0000000800c0b000}) lose their per-run suffix so the same code folds together
   * across requests and processes; {@code ;}, spaces and line breaks, which the folded format uses
   * as separators, become {@code _}.
   */
  static String name(String className, String methodName) {
    int lambda = className.indexOf("$$Lambda");
    if (lambda >= 0) {
      className = className.substring(0, lambda + "$$Lambda".length());
    }
    String name = className + '.' + methodName;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ';' || c == ' ' || c == '\n' || c == '\r') {
        return name.replace(';', '_').replace(' ', '_').replace('\n', '_').replace('\r', '_');
      }
    }
    return name;
  }
}
