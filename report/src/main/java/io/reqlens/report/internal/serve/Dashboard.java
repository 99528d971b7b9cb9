package io.reqlens.report.internal.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code reqlens serve} as an object: follows the inputs on one thread, serves pages and the API on
 * a few more, until {@link #close()}. The command prints {@link #url()}; tests open it.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Dashboard implements AutoCloseable {

  private final DashboardConfig config;
  private final Model model;
  private final Follower follower;
  private final Auth auth;
  private final Server server;
  private final ScheduledExecutorService polling;

  private Dashboard(DashboardConfig config) throws IOException {
    this.config = config;
    this.model = new Model(config, config.filter);
    this.follower = new Follower(model);
    String token = config.token != null ? config.token : Auth.newToken();
    this.auth = new Auth(token);
    this.server =
        new Server(new InetSocketAddress(config.bind, config.port), auth, new Views(model));
    auth.bound(server.address().getPort());
    this.polling =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reqlens-serve-follow");
              t.setDaemon(true);
              return t;
            });
  }

  /** Binds, starts following the inputs (the first read starts at once) and serving. */
  public static Dashboard start(DashboardConfig config) throws IOException {
    Dashboard d = new Dashboard(config);
    d.server.start();
    d.polling.scheduleWithFixedDelay(
        d.follower, 0, d.config.poll.toMillis(), TimeUnit.MILLISECONDS);
    return d;
  }

  /** The address with the access token: what the user opens. */
  public URI url() {
    return URI.create(base() + "/?token=" + auth.token());
  }

  /** The address without the token. */
  public URI base() {
    InetSocketAddress a = server.address();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort());
  }

  public String token() {
    return auth.token();
  }

  /** True once the files present at start have been read. */
  public boolean ready() {
    return follower.initialDone();
  }

  @Override
  public void close() {
    polling.shutdownNow();
    server.stop();
  }
}
