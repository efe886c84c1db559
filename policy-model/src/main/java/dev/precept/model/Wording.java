package dev.precept.model;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * How the model's values read in English wherever people read them (rulings, the Board's document,
 * the register, diffs): a period as "1 year and 6 months", a condition's test as "at least 2".
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Wording {
  private Wording() {}

  /** A period as people say it: "60 days", "1 year and 6 months", "1 year, 2 months and 3 days"; never "P60D". */
  public static String period(Period period) {
    List<String> parts = new ArrayList<>();
    unit(parts, period.getYears(), "year");
    unit(parts, period.getMonths(), "month");
    if (period.getDays() != 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (Math.abs(period.getDays()) == 1 ? " day" : " days"));
    }
    return parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /**
   * A condition's test in words, to follow "is": "at least 2", "between 2016-01-01 and the incident
   * date", "within 12 months before the incident date", "carried by a majority of the members", or
   * its values ("one of a, b"), each value given as {@code value} words it ("true" as "yes", say).
   */
  public static String test(Condition condition, UnaryOperator<String> value) {
    if (condition.carried().isPresent()) {
      return condition.carried().get().equals("unanimous") ? "carried unanimously" : "carried by a majority of the members";
    }
    if (condition.decision().isPresent() && condition.atLeast().isPresent()) {
      return "carried with at least " + condition.atLeast().get() + " votes for";
    }
    if (condition.atLeast().isPresent()) {
      return "at least " + condition.atLeast().get();
    }
    if (condition.atMost().isPresent()) {
      return "at most " + condition.atMost().get();
    }
    if (condition.moreThan().isPresent()) {
      return "more than " + condition.moreThan().get();
    }
    if (condition.lessThan().isPresent()) {
      return "less than " + condition.lessThan().get();
    }
    if (!condition.between().isEmpty()) {
      return "between " + bound(condition.between().get(0)) + " and " + bound(condition.between().get(1));
    }
    if (condition.before().isPresent()) {
      return "before " + bound(condition.before().get());
    }
    if (condition.after().isPresent()) {
      return "after " + bound(condition.after().get());
    }
    if (condition.within().isPresent()) {
      String iso = condition.within().get();
      String words;
      try {
        words = period(Period.parse(iso));
      } catch (java.time.format.DateTimeParseException e) {
        words = iso;
      }
      return "within " + words + " before the incident date";
    }
    List<String> values = condition.values().stream().map(value).toList();
    return values.size() == 1 ? values.get(0) : "one of " + String.join(", ", values);
  }

  private static String bound(String value) {
    return value.equals(Condition.INCIDENT_DATE) ? "the incident date" : value;
  }

  private static void unit(List<String> parts, int n, String word) {
    if (n != 0) {
      parts.add(n + " " + word + (Math.abs(n) == 1 ? "" : "s"));
    }
  }
}
