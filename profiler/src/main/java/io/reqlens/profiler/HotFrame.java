package io.reqlens.profiler;

import java.util.Locale;
import java.util.Objects;

/** A frame and its share of a profile's samples (self time: the frame was the leaf). */
public final class HotFrame {

  private final String frame;
  private final long samples;
  private final double share;

  HotFrame(String frame, long samples, double share) {
    this.frame = frame;
    this.samples = samples;
    this.share = share;
  }

  /** {@code package.Class.method}. */
  public String frame() {
    return frame;
  }

  /** Samples in which this frame was the last real frame (the thread state not counted). */
  public long samples() {
    return samples;
  }

  /** {@link #samples()} over all of the profile's samples, in [0, 1]. */
  public double share() {
    return share;
  }

  /** {@code com.acme.Api.compute 62%}: the form of one entry of {@code reqlens.profile.top}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %d%%", frame, Math.round(share * 100));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HotFrame)) {
      return false;
    }
    HotFrame other = (HotFrame) o;
    return frame.equals(other.frame) && samples == other.samples && share == other.share;
  }

  @Override
  public int hashCode() {
    return Objects.hash(frame, samples, share);
  }
}
