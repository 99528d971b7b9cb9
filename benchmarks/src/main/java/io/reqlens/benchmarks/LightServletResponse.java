package io.reqlens.benchmarks;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;

/** A response that discards its body; see {@link LightServletRequest}. */
final class LightServletResponse extends HttpServletResponseWrapper {

  private static final HttpServletResponse UNSUPPORTED =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              LightServletResponse.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                throw new UnsupportedOperationException("LightServletResponse." + method.getName());
              });

  private final PrintWriter writer = new PrintWriter(Writer.nullWriter());
  private int status = 200;
  private String contentType;

  LightServletResponse() {
    super(UNSUPPORTED);
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void setContentType(String type) {
    contentType = type;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public PrintWriter getWriter() {
    return writer;
  }
}
