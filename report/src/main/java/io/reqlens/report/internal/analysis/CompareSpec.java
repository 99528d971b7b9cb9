package io.reqlens.report.internal.analysis;

import java.util.Objects;

/**
 * The two sides of {@code --compare}: two {@code service.version} values or two time windows.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class CompareSpec {

  private final String mode;
  private final String labelA;
  private final String labelB;
  private final String versionA;
  private final String versionB;
  private final long[] windows;

  private CompareSpec(String mode, String labelA, String labelB, String va, String vb, long[] w) {
    this.mode = mode;
    this.labelA = labelA;
    this.labelB = labelB;
    this.versionA = va;
    this.versionB = vb;
    this.windows = w;
  }

  /** Side A: events whose {@code service_version} is {@code a}; side B: {@code b}. */
  public static CompareSpec versions(String a, String b) {
    if (a.equals(b)) {
      throw new IllegalArgumentException("the two versions to compare are the same: " + a);
    }
    return new CompareSpec("versions", a, b, a, b, null);
  }

  /** Side A: requests started in [aFrom, aTo); side B: in [bFrom, bTo) (epoch ns). */
  public static CompareSpec windows(
      long aFrom, long aTo, long bFrom, long bTo, String la, String lb) {
    if (aFrom >= aTo || bFrom >= bTo) {
      throw new IllegalArgumentException("a compare window must end after it starts");
    }
    return new CompareSpec("windows", la, lb, null, null, new long[] {aFrom, aTo, bFrom, bTo});
  }

  /** 0 for side A, 1 for side B, -1 for neither. */
  int side(Request r) {
    if (windows == null) {
      if (Objects.equals(r.serviceVersion, versionA)) {
        return 0;
      }
      return Objects.equals(r.serviceVersion, versionB) ? 1 : -1;
    }
    if (r.tsNs >= windows[0] && r.tsNs < windows[1]) {
      return 0;
    }
    return r.tsNs >= windows[2] && r.tsNs < windows[3] ? 1 : -1;
  }

  String mode() {
    return mode;
  }

  String labelA() {
    return labelA;
  }

  String labelB() {
    return labelB;
  }
}
