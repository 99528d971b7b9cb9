package com.acme.shop;

/** Application code calling the repository. */
public final class OrderController {

  private final OrderRepository repository;

  public OrderController(OrderRepository repository) {
    this.repository = repository;
  }

  public String list() {
    return repository.findItems(); // CONTROLLER CALL SITE
  }
}
