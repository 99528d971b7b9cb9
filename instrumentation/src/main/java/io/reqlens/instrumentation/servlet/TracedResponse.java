package io.reqlens.instrumentation.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The response the app sees: the container's, with its output stream and writer counting the body
 * bytes. Status, headers and content go to the container unchanged.
 */
final class TracedResponse extends HttpServletResponseWrapper {

  private CountingServletOutputStream output;
  private CountingPrintWriter writer;

  TracedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    ServletOutputStream original = super.getOutputStream(); // the container enforces the rules
    if (output == null || output.wraps() != original) {
      output = new CountingServletOutputStream(original);
    }
    return output;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    PrintWriter original = super.getWriter();
    if (writer == null || writer.wraps() != original) {
      writer = new CountingPrintWriter(original, getCharacterEncoding());
    }
    return writer;
  }

  /** Body bytes the app wrote, through the stream and the writer. */
  long bytesWritten() {
    long count = 0;
    if (output != null) {
      count += output.count();
    }
    if (writer != null) {
      count += writer.count();
    }
    return count;
  }
}
