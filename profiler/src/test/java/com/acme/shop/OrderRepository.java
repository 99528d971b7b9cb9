package com.acme.shop;

import org.h2.fake.FakeStatement;

/** Application code issuing a statement, as an N+1 loop would. */
public final class OrderRepository {

  private final FakeStatement statement;

  public OrderRepository(FakeStatement statement) {
    this.statement = statement;
  }

  public String findItems() {
    return statement.executeQuery(); // CALL SITE
  }
}
