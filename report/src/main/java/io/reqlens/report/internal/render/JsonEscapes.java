package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * JSON escapes for {@code --json}: what JSON requires, plus C1 and the bidirectional and invisible
 * format controls of {@link TerminalText} as {@code \\uXXXX}, so {@code report --json | jq -r} or a
 * JSON file opened in a terminal cannot reorder or hide text either. Parsers read the same strings.
 */
final class JsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii = standardAsciiEscapesForJSON();

  JsonEscapes() {
    ascii[0x7f] = ESCAPE_STANDARD; // DEL, as \u007f
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch <= 0xffff && TerminalText.unsafe((char) ch)) {
      return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
    }
    return null;
  }
}
