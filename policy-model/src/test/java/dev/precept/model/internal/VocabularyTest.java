package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.precept.model.FactType;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one place that checks a name or a typed value against a policy: the same code, message and
 * hint wherever an incident, a policy or a ruling meets an unknown name or an ill-typed value.
 */
class VocabularyTest {
  private static final Policy MINIMAL = PolicyLoader.standard().load(Path.of("src/test/resources/minimal.yaml"));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String finding(Optional<Vocabulary.Finding> finding) {
    return finding.map(f -> f.code() + " [" + f.subject() + "] " + f.message() + " (" + f.hint() + ")").orElse("fits");
  }

  @Test
  void everyKindOfDeclaredNameIsKnownAndAnUnknownOneGetsADidYouMean() {
    Vocabulary vocabulary = Vocabulary.of(MINIMAL);
    assertEquals(List.of("[staff, volunteer]", "[staff, volunteer, workers, employees]", "[workers, employees]", "[board, chair, ceo]",
            "[rules.logo]", "[conduct]", "[]", "[finding]", "[]", "[staff.investigation]"),
        java.util.Arrays.stream(Vocabulary.Kind.values()).map(k -> vocabulary.ids(k).toString()).toList());
    assertEquals("finding", vocabulary.fact("finding").orElseThrow().id());
    assertEquals(Optional.empty(), vocabulary.fact("staff"));
    assertEquals(Optional.empty(), vocabulary.attribute("finding"));
    assertEquals("fits", finding(vocabulary.unknown(Vocabulary.Kind.ROLE_OR_GROUP, "workers")));
    assertEquals("unknown-role [staf] unknown role 'staf': policy minimal declares no such role (did you mean 'staff'?)",
        finding(vocabulary.unknown(Vocabulary.Kind.ROLE, "staf")));
    assertEquals("unknown-group [staff] unknown group 'staff': policy minimal declares no such group (declared groups: 'employees', 'workers')",
        finding(vocabulary.unknown(Vocabulary.Kind.GROUP, "staff")));
    assertEquals("unknown-category [conduct-x] unknown breach category 'conduct-x': policy minimal declares no such breach category"
        + " (did you mean 'conduct'?)", finding(vocabulary.unknown(Vocabulary.Kind.CATEGORY, "conduct-x")));
  }

  @Test
  void aValueReadFromYamlOrJsonMustHaveItsTypeNotJustItsText() {
    assertEquals("type-mismatch [yes] fact 'f' cannot be 'yes': expected true or false (write true, lower-case and without quotes)",
        finding(Vocabulary.value(FactType.BOOLEAN, List.of(), NODES.textNode("yes"), "fact 'f'")));
    assertEquals("type-mismatch [off] fact 'f' cannot be 'off': expected true or false (write false, lower-case and without quotes)",
        finding(Vocabulary.value(FactType.BOOLEAN, List.of(), NODES.textNode("off"), "fact 'f'")));
    assertEquals("type-mismatch [maybe] fact 'f' cannot be 'maybe': expected true or false (write true or false, lower-case and without quotes)",
        finding(Vocabulary.value(FactType.BOOLEAN, List.of(), NODES.textNode("maybe"), "fact 'f'")));
    assertEquals("fits", finding(Vocabulary.value(FactType.BOOLEAN, List.of(), NODES.booleanNode(false), "fact 'f'")));
    assertEquals("type-mismatch [3] fact 'n' cannot be '3': expected a whole number (write a whole number without quotes, e.g. 3)",
        finding(Vocabulary.value(FactType.INTEGER, List.of(), NODES.textNode("3"), "fact 'n'")));
    assertEquals("type-mismatch [1.5] fact 'n' cannot be '1.5': expected a whole number (write a whole number without quotes, e.g. 3)",
        finding(Vocabulary.value(FactType.INTEGER, List.of(), NODES.numberNode(1.5), "fact 'n'")));
    assertEquals("fits", finding(Vocabulary.value(FactType.INTEGER, List.of(), NODES.numberNode(3), "fact 'n'")));
    assertEquals("unknown-value [pendng] fact 'e' cannot be 'pendng': expected one of [pending, misconduct] (did you mean 'pending'?)",
        finding(Vocabulary.value(FactType.ENUM, List.of("pending", "misconduct"), NODES.textNode("pendng"), "fact 'e'")));
    assertEquals("fits", finding(Vocabulary.value(FactType.DATE, List.of(), NODES.textNode("2016-09-01"), "fact 'd'")));
  }

  @Test
  void aDateHintRewritesADayMonthYearDateOrSaysWhatIsWrong() {
    assertEquals(List.of(
            "write dates as YYYY-MM-DD: 2016-09-01 for 1 September 2016 (day/month/year)",
            "write dates as YYYY-MM-DD, year first: '31/02/2016' is not a date read day/month/year",
            "there is no such day: the month is 01 to 12 and the day fits the month (YYYY-MM-DD)",
            "write dates as YYYY-MM-DD, e.g. 2016-09-01",
            "no hint"),
        java.util.stream.Stream.of("01.09.2016", "31/02/2016", "2016-13-01", "next week", "2016-09-01")
            .map(v -> Optional.ofNullable(Vocabulary.dateHint(v)).orElse("no hint")).toList());
  }
}
