package io.reqlens.instrumentation.servlet;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * {@code http.route} from the servlet mapping that matched, the way the agent's servlet
 * instrumentation names it: the context path plus the mapping pattern ({@code /users/*}, {@code
 * /hello}, {@code /*.do}), {@code /*} for the default servlet (but {@code /} for the root).
 */
final class ServletRoutes {

  private ServletRoutes() {}

  static String route(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    String pattern;
    MappingMatch match = mapping.getMappingMatch();
    switch (match) {
      case CONTEXT_ROOT:
        pattern = "/";
        break;
      case DEFAULT:
        String path = request.getServletPath();
        pattern = path == null || path.isEmpty() || path.equals("/") ? "/" : "/*";
        break;
      case EXTENSION:
        pattern = "/" + mapping.getPattern();
        break;
      default:
        pattern = mapping.getPattern();
    }
    if (pattern == null || pattern.isEmpty()) {
      return null;
    }
    String contextPath = request.getContextPath();
    return contextPath == null || contextPath.isEmpty() ? pattern : contextPath + pattern;
  }
}
