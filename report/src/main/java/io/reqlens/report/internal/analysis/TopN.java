package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The {@code n} greatest items under an order, in O(n) memory whatever the input size. */
final class TopN<T> {

  private final int n;
  private final Comparator<T> order;
  private final PriorityQueue<T> heap;

  TopN(int n, Comparator<T> order) {
    this.n = n;
    this.order = order;
    // Min-heap: the head is the least of the kept items, the one to replace.
    this.heap = new PriorityQueue<>(Math.max(1, n + 1), order);
  }

  /** True when {@code item} would be kept; lets callers skip building it. */
  boolean wouldKeep(T probe) {
    return n > 0 && (heap.size() < n || order.compare(probe, heap.peek()) > 0);
  }

  void offer(T item) {
    if (n == 0) {
      return;
    }
    if (heap.size() < n) {
      heap.add(item);
    } else if (order.compare(item, heap.peek()) > 0) {
      heap.poll();
      heap.add(item);
    }
  }

  /** Greatest first. */
  List<T> sorted() {
    List<T> out = new ArrayList<>(heap);
    out.sort(order.reversed());
    return out;
  }
}
