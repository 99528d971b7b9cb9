package io.reqlens.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of a Markdown README, to find the one that documents a config file: the section
 * whose heading names the file in backticks (e.g. {@code ## 1. To Jaeger — `jaeger.yaml`}), up to
 * the next heading of the same or a higher level. Headings inside code fences are not headings (a
 * {@code # comment} in a shell block would otherwise end the section).
 */
final class ReadmeSections {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private record Heading(int line, int level, String text) {}

  private final List<String> lines;
  private final List<Heading> headings = new ArrayList<>();

  ReadmeSections(String markdown) {
    this.lines = markdown.lines().toList();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
          level++;
        }
        if (level < line.length() && line.charAt(level) == ' ') {
          headings.add(new Heading(i, level, line.substring(level + 1)));
        }
      }
    }
  }

  /** The text of the section whose heading names {@code fileName} in backticks. */
  Optional<String> sectionFor(String fileName) {
    for (int h = 0; h < headings.size(); h++) {
      Heading heading = headings.get(h);
      if (heading.text.contains("`" + fileName + "`")) {
        int end = lines.size();
        for (int next = h + 1; next < headings.size(); next++) {
          if (headings.get(next).level <= heading.level) {
            end = headings.get(next).line;
            break;
          }
        }
        return Optional.of(String.join("\n", lines.subList(heading.line, end)));
      }
    }
    return Optional.empty();
  }

  /**
   * The names a text documents in inline code outside code blocks: {@code `NAME`}, or the name of
   * {@code `NAME=value`}.
   */
  static Set<String> codeNames(String text) {
    Set<String> out = new TreeSet<>();
    boolean fenced = false;
    for (String line : text.lines().toList()) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = CODE.matcher(fenced ? "" : line);
      while (m.find()) {
        String code = m.group(1).trim();
        int eq = code.indexOf('=');
        out.add(eq > 0 ? code.substring(0, eq) : code);
      }
    }
    return out;
  }
}
