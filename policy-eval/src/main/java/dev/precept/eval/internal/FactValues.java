package dev.precept.eval.internal;

import dev.precept.model.FactType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Whether a value written as text fits a declared type, answered without building a message: the
 * question every ruling asks of every fact, where {@link FactType#problemWith} is for saying why not.
 */
public final class FactValues {
  private FactValues() {}

  /** Whether {@code value} fits {@code type} (for an enum, one of {@code allowed}); agrees with {@link FactType#problemWith}. */
  public static boolean fits(FactType type, List<String> allowed, String value) {
    switch (type) {
      case BOOLEAN:
        return value.equals("true") || value.equals("false");
      case INTEGER:
        return isWholeNumber(value);
      case DATE:
        try {
          LocalDate.parse(value);
          return true;
        } catch (DateTimeParseException e) {
          return false;
        }
      case DECISION:
        return false;
      case ENUM:
        return allowed.contains(value);
      default:
        return true;
    }
  }

  /** {@code -?[0-9]{1,18}}, without compiling the pattern on every call. */
  static boolean isWholeNumber(String value) {
    int start = value.startsWith("-") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
