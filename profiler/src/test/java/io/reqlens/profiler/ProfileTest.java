package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code PROF.stacks} format and the hot frames, from hand-made stacks. */
class ProfileTest {

  private final FrameTable frames = new FrameTable(1000);
  private final StackTable table = new StackTable();

  private int frame(String className, String method) {
    return frames.intern(new StackTraceElement(className, method, null, -1));
  }

  private void sample(int times, int... stack) {
    int hash = Arrays.hashCode(stack);
    for (int i = 0; i < times; i++) {
      int entry = table.find(stack, stack.length, hash);
      if (entry >= 0) {
        table.increment(entry);
      } else {
        table.append(stack, stack.length, hash);
      }
      table.publish();
    }
  }

  @Test
  void foldsRootFirstWithTheStateAsALastPseudoFrameMostSamplesFirst() {
    int run = frame("java.lang.Thread", "run");
    int users = frame("com.acme.Api", "users");
    int sleep = frame("java.lang.Thread", "sleep");
    int wait = frame("java.lang.Object", "wait");
    int compute = frame("com.acme.Api", "compute");
    sample(28, run, users, sleep, FrameTable.stateFrame(Thread.State.TIMED_WAITING));
    sample(3, run, users, wait, FrameTable.stateFrame(Thread.State.WAITING));
    sample(9, run, users, compute);
    sample(3, run, users, compute, FrameTable.stateFrame(Thread.State.BLOCKED));
    table.countOverLimit();
    table.publish();

    Profile profile = table.snapshot(frames, 10_000_000L);

    assertThat(profile.stacks())
        .containsExactly(
            "java.lang.Thread.run;com.acme.Api.users;java.lang.Thread.sleep;[TIMED_WAITING] 28",
            "java.lang.Thread.run;com.acme.Api.users;com.acme.Api.compute 9",
            "java.lang.Thread.run;com.acme.Api.users;com.acme.Api.compute;[BLOCKED] 3",
            "java.lang.Thread.run;com.acme.Api.users;java.lang.Object.wait;[WAITING] 3",
            "[truncated] 1");
    assertThat(profile.samples()).isEqualTo(44);
    assertThat(profile.truncatedSamples()).isEqualTo(1);
    assertThat(profile.intervalNanos()).isEqualTo(10_000_000L);
    assertThat(profile.topSelfFrames(3))
        .extracting(HotFrame::toString)
        .containsExactly(
            "java.lang.Thread.sleep 64%", "com.acme.Api.compute 27%", "java.lang.Object.wait 7%");
    assertThat(profile.topSelfFrames(3).get(1).samples()).isEqualTo(12);
    assertThat(profile.topSelfFrames(0)).isEmpty();
  }

  @Test
  void depthTruncatedStacksStartWithTheTruncatedPseudoFrame() {
    int a = frame("com.acme.A", "a");
    sample(2, FrameTable.TRUNCATED, a, a, FrameTable.stateFrame(Thread.State.WAITING));

    Profile profile = table.snapshot(frames, 1);

    assertThat(profile.stacks())
        .containsExactly("[truncated];com.acme.A.a;com.acme.A.a;[WAITING] 2");
    assertThat(profile.topSelfFrames(3))
        .extracting(HotFrame::frame)
        .containsExactly("com.acme.A.a");
  }

  @Test
  void lambdaClassesFoldTogetherAndSeparatorsAreReplaced() {
    int lambda1 = frame("com.acme.Api$$Lambda$14/0x0000000800c0b000", "run");
    int lambda2 = frame("com.acme.Api$$Lambda$15/0x0000000800c0c000", "run");
    int odd = frame("com.acme.We;ird Class", "m");
    sample(2, lambda1);
    sample(3, lambda2);
    sample(1, odd);

    Profile profile = table.snapshot(frames, 1);

    assertThat(lambda1).isNotEqualTo(lambda2);
    assertThat(profile.stacks())
        .containsExactly("com.acme.Api$$Lambda.run 5", "com.acme.We_ird_Class.m 1");
  }

  @Test
  void anUnsampledTableHasNoProfile() {
    assertThat(table.snapshot(frames, 1)).isNull();
  }

  @Test
  void tableGrowsPastItsInitialCapacity() {
    for (int i = 0; i < 100; i++) {
      sample(i + 1, frame("com.acme.C" + i, "m"));
    }
    for (int i = 0; i < 100; i++) {
      sample(1, frames.intern(new StackTraceElement("com.acme.C" + i, "m", null, -1)));
    }

    Profile profile = table.snapshot(frames, 1);

    assertThat(profile.stacks()).hasSize(100).startsWith("com.acme.C99.m 101");
    assertThat(profile.samples()).isEqualTo(100 * 101 / 2 + 100);
  }
}
