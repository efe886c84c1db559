package dev.precept.eval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precept.model.FactType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactValuesTest {
  private static final List<String> VALUES = List.of("true", "false", "TRUE", "yes", "", "0", "-0", "-", "--1", "12a",
      "123456789012345678", "-123456789012345678", "1234567890123456789", " 1", "2026-02-30", "2026-02-28", "2026-2-28",
      "minor", "major", "Minor", "٣");

  @Test
  void aValueFitsItsTypeExactlyWhenTheTypeFindsNoProblemWithIt() {
    List<String> allowed = List.of("minor", "major");
    for (FactType type : FactType.values()) {
      for (String value : VALUES) {
        assertEquals(type.problemWith(value, allowed).isEmpty(), FactValues.fits(type, allowed, value),
            type + " '" + value + "'");
      }
    }
  }
}
