package io.reqlens.report.internal.serve;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The access token: made at start from {@link SecureRandom} (256 bits), printed as part of the URL,
 * exchanged on first use for an HttpOnly, SameSite=Strict cookie (the redirect then drops it from
 * the address bar and history), or sent by tools as {@code Authorization: Bearer TOKEN}.
 * Comparisons take constant time.
 */
final class Auth {

  private final String token;
  private final byte[] tokenBytes;
  private volatile String cookieName = "reqlens";

  Auth(String token) {
    this.token = token;
    this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
  }

  /** Names the cookie after the bound port: cookies are per host, and two dashboards may run. */
  void bound(int port) {
    this.cookieName = "reqlens_" + port;
  }

  static String newToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String token() {
    return token;
  }

  boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(tokenBytes, candidate.getBytes(StandardCharsets.US_ASCII));
  }

  /** True when the request carries the cookie or the bearer header. */
  boolean allowed(HttpExchange ex) {
    List<String> auth = ex.getRequestHeaders().get("Authorization");
    if (auth != null) {
      for (String a : auth) {
        if (a.regionMatches(true, 0, "Bearer ", 0, 7) && matches(a.substring(7).trim())) {
          return true;
        }
      }
    }
    List<String> cookies = ex.getRequestHeaders().get("Cookie");
    if (cookies != null) {
      for (String header : cookies) {
        for (String c : header.split(";")) {
          String kv = c.trim();
          if (kv.startsWith(cookieName + "=") && matches(kv.substring(cookieName.length() + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The cookie that replaces the token in the URL. */
  String setCookie() {
    return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  }
}
