package io.reqlens.report.internal.render;

/**
 * Builds one sortable table: every cell carries its sort value in {@code data-v}, so the page's
 * script sorts numbers as numbers while showing "1.2s".
 */
final class HtmlTable {

  private final StringBuilder b = new StringBuilder();
  private boolean rowOpen;
  private int rows;

  HtmlTable(String id, String... headers) {
    b.append("<div class=\"scroll\"><table class=\"sortable\" id=\"")
        .append(id)
        .append("\">")
        .append("<thead><tr>");
    for (String h : headers) {
      boolean num = h.startsWith("#");
      b.append("<th")
          .append(num ? " class=\"num\"" : "")
          .append(" title=\"Click to sort\">")
          .append(Html.esc(num ? h.substring(1) : h))
          .append("</th>");
    }
    b.append("</tr></thead><tbody>");
  }

  HtmlTable row() {
    if (rowOpen) {
      b.append("</tr>");
    }
    b.append("<tr>");
    rowOpen = true;
    rows++;
    return this;
  }

  HtmlTable text(String s) {
    b.append("<td>").append(Html.esc(s)).append("</td>");
    return this;
  }

  /** Text in a monospace cell, e.g. a statement or a trace id. */
  HtmlTable code(String s) {
    b.append("<td><code>").append(Html.esc(s)).append("</code></td>");
    return this;
  }

  /** A cell with raw (already escaped) HTML, sorted by {@code sortText}. */
  HtmlTable raw(String html, String sortText) {
    b.append("<td data-v=\"").append(Html.esc(sortText)).append("\">").append(html).append("</td>");
    return this;
  }

  HtmlTable num(double sortValue, String shown) {
    b.append("<td class=\"num\" data-v=\"")
        .append(Double.isNaN(sortValue) ? "" : sortValue)
        .append("\">")
        .append(Html.esc(shown))
        .append("</td>");
    return this;
  }

  HtmlTable dur(long ns) {
    return num(ns, Format.duration(ns));
  }

  int rows() {
    return rows;
  }

  String html() {
    if (rowOpen) {
      b.append("</tr>");
      rowOpen = false;
    }
    return b.append("</tbody></table></div>").toString();
  }
}
