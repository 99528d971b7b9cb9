package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;

/**
 * The {@code report --json} document ({@link JsonRenderer}, schema in the module README) written as
 * a value inside a larger document: the dashboard's API returns the same document for its window,
 * so tools read one schema.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReportJson {

  private ReportJson() {}

  public static void write(ReportData d, JsonGenerator g) throws IOException {
    JsonRenderer.write(d, g);
  }
}
