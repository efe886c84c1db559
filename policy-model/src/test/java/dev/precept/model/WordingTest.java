package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a condition's test and a period read in a ruling: in words, never in ISO notation. */
class WordingTest {
  private static String test(Condition.Builder condition) {
    return Wording.test(condition.build(), value -> value.equals("true") ? "yes" : value);
  }

  @Test
  void eachKindOfTestReadsAsItWouldBeSaid() {
    assertEquals(List.of(
            "carried unanimously",
            "carried by a majority of the members",
            "carried with at least 3 votes for",
            "at least 2",
            "at most 9",
            "more than 4",
            "less than 5",
            "between 2016-01-01 and the incident date",
            "before the incident date",
            "after 2016-09-01",
            "within 1 year and 6 months before the incident date",
            "within P1X before the incident date",
            "yes",
            "one of pending, misconduct"),
        List.of(
            test(Condition.builder().decision("vote").carried("unanimous")),
            test(Condition.builder().decision("vote").carried("majority")),
            test(Condition.builder().decision("vote").atLeast("3")),
            test(Condition.builder().fact("followers").atLeast("2")),
            test(Condition.builder().fact("followers").atMost("9")),
            test(Condition.builder().fact("followers").moreThan("4")),
            test(Condition.builder().fact("followers").lessThan("5")),
            test(Condition.builder().fact("posted").addBetween("2016-01-01", Condition.INCIDENT_DATE)),
            test(Condition.builder().fact("posted").before(Condition.INCIDENT_DATE)),
            test(Condition.builder().fact("posted").after("2016-09-01")),
            test(Condition.builder().fact("posted").within("P1Y6M")),
            test(Condition.builder().fact("posted").within("P1X")),
            test(Condition.builder().fact("adult").is("true")),
            test(Condition.builder().fact("finding").addIn("pending", "misconduct"))));
  }

  @Test
  void aPeriodIsGivenInYearsMonthsAndDaysWithTheirPlurals() {
    assertEquals(List.of("60 days", "1 day", "0 days", "1 year", "2 months", "1 year and 6 months", "1 year, 2 months and 3 days", "-1 day"),
        List.of(Period.ofDays(60), Period.ofDays(1), Period.ZERO, Period.ofYears(1), Period.ofMonths(2), Period.of(1, 6, 0),
            Period.of(1, 2, 3), Period.ofDays(-1)).stream().map(Wording::period).toList());
  }
}
