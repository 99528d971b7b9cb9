package io.reqlens.examples;

import io.reqlens.examples.Database.Order;
import io.reqlens.examples.Database.User;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little JSON the example needs, written by hand so the service has no JSON library (Javalin
 * would otherwise require Jackson for {@code ctx.json}).
 */
final class Json {

  private static final Pattern NAME_FIELD =
      Pattern.compile("\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private Json() {}

  static String user(User u) {
    return "{\"id\":" + u.id() + ",\"name\":" + string(u.name()) + "}";
  }

  static String users(List<User> users) {
    return array(users, Json::user);
  }

  static String orders(List<Order> orders) {
    return array(
        orders,
        o ->
            "{\"id\":"
                + o.id()
                + ",\"item\":"
                + string(o.item())
                + ",\"quantity\":"
                + o.quantity()
                + ",\"user\":"
                + (o.user() == null ? "null" : user(o.user()))
                + "}");
  }

  static String error(String message) {
    return "{\"error\":" + string(message) + "}";
  }

  /** Reads the {@code name} string of a flat JSON object; {@code null} when absent. */
  static String nameField(String body) {
    Matcher m = NAME_FIELD.matcher(body == null ? "" : body);
    return m.find() ? m.group(1).replaceAll("\\\\(.)", "$1") : null;
  }

  private static <T> String array(List<T> items, Function<T, String> element) {
    StringBuilder sb = new StringBuilder("[");
    for (T item : items) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(element.apply(item));
    }
    return sb.append(']').toString();
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
