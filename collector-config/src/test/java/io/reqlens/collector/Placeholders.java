package io.reqlens.collector;

import io.reqlens.collector.Problem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ${...}} placeholders of a config and whether its README section documents them.
 *
 * <p>The Collector expands {@code ${env:NAME}} and {@code ${env:NAME:-default}} before decoding
 * (confmap's env provider; a name matches {@code [a-zA-Z_][a-zA-Z0-9_]*}); {@code $$} is a literal
 * {@code $}; {@code ${file:...}} and other schemes are other providers. A bare {@code ${NAME}} is
 * refused here: it depends on the Collector's default scheme, so spell it out.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)\\}");
  private static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private Placeholders() {}

  /** Every {@code ${env:NAME}} of the document: name to the first place it appears. */
  static Map<String, String> envNames(JsonNode doc, List<Problem> problems) {
    Map<String, String> names = new TreeMap<>();
    walk(doc, "", names, problems);
    return names;
  }

  /** Reports each variable the README section for {@code fileName} does not name in code. */
  static void checkDocumented(
      String fileName, Map<String, String> names, String readme, List<Problem> problems) {
    if (names.isEmpty()) {
      return;
    }
    Optional<String> section = new ReadmeSections(readme).sectionFor(fileName);
    if (section.isEmpty()) {
      problems.add(
          new Problem(
              Kind.UNDOCUMENTED_ENV,
              fileName,
              "the README has no section for this file (a heading naming `"
                  + fileName
                  + "` in backticks), so "
                  + names.keySet()
                  + " are undocumented"));
      return;
    }
    Set<String> documented = ReadmeSections.codeNames(section.get());
    names.forEach(
        (name, where) -> {
          if (!documented.contains(name)) {
            problems.add(
                new Problem(
                    Kind.UNDOCUMENTED_ENV,
                    where,
                    "${env:"
                        + name
                        + "} is not documented: the README section for `"
                        + fileName
                        + "` never names `"
                        + name
                        + "`"));
          }
        });
  }

  private static void walk(JsonNode node, String path, Map<String, String> names, List<Problem> p) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        scan(e.getKey(), child, names, p);
        walk(e.getValue(), child, names, p);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", names, p);
      }
    } else if (node.isString()) {
      scan(node.asString(), path, names, p);
    }
  }

  private static void scan(String text, String where, Map<String, String> names, List<Problem> p) {
    String unescaped = text.replace("$$", "");
    Matcher m = PLACEHOLDER.matcher(unescaped);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    for (String body : found) {
      if (body.startsWith("env:")) {
        String rest = body.substring("env:".length());
        int dflt = rest.indexOf(":-");
        String name = dflt >= 0 ? rest.substring(0, dflt) : rest;
        if (ENV_NAME.matcher(name).matches()) {
          names.putIfAbsent(name, where);
        } else {
          p.add(
              new Problem(Kind.PLACEHOLDER, where, "'" + name + "' is not a valid variable name"));
        }
      } else if (!SCHEME.matcher(body).matches()) {
        p.add(
            new Problem(
                Kind.PLACEHOLDER,
                where,
                "${"
                    + body
                    + "}: write ${env:"
                    + body
                    + "} (a bare name depends on the"
                    + " Collector's default scheme)"));
      }
    }
  }
}
