package org.h2.fake;

import java.util.function.Supplier;

/** Stands for a JDBC driver: the statement runs the processor's hook, as an agent advice would. */
public final class FakeStatement {

  private final Supplier<String> onExecute;

  public FakeStatement(Supplier<String> onExecute) {
    this.onExecute = onExecute;
  }

  public String executeQuery() {
    return execute();
  }

  private String execute() {
    return onExecute.get();
  }
}
