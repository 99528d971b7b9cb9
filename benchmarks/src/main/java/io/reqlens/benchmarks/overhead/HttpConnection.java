package io.reqlens.benchmarks.overhead;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to the service, for GET requests. Why not {@code
 * java.net.http.HttpClient}? The load generator shares two cores with the service it measures: a
 * blocking socket and a reused buffer cost far less than the JDK client's executor and futures, and
 * leave the service's figures less disturbed. Reads {@code Content-Length} and chunked bodies.
 */
final class HttpConnection implements AutoCloseable {

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends {@code GET path}, reads the whole response, returns its status; reconnects if needed. */
  int get(String path) throws IOException {
    byte[] request =
        ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try {
      return exchange(request);
    } catch (IOException e) {
      close(); // the server may have closed an idle connection: one fresh attempt
      return exchange(request);
    }
  }

  /** The body of the last response, as text. */
  String body() {
    return body.toString(StandardCharsets.UTF_8);
  }

  private int exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 response: '" + status + "'");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    body.reset();
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].strip(), 16);
          size > 0;
          size = Long.parseLong(line().split(";")[0].strip(), 16)) {
        copy(size);
        line(); // CRLF after the chunk
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      copy(length);
    }
    if (closeAfter) {
      close();
    }
    return code;
  }

  private void copy(long n) throws IOException {
    for (long i = 0; i < n; i++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a response body");
      }
      body.write(b);
    }
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        s.append((char) b);
      }
    }
    return s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a loopback socket: nothing to recover
      }
      socket = null;
    }
  }
}
