package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "did you mean" a clerk reads under an unknown name, and the value checks behind "cannot be". */
class DidYouMeanTest {
  @Test
  void suggestsTheClosestNamesFirstAtMostThree() {
    assertEquals(List.of("staff", "stiff", "stuff"),
        DidYouMean.closest("staf", List.of("stuff", "stiff", "staff", "staffs-room", "volunteer", "stuff")).subList(0, 3));
    assertEquals(3, DidYouMean.closest("staf", List.of("stuff", "stiff", "staff", "staffs-room")).size());
  }

  @Test
  void ignoresCaseWhenComparing() {
    assertEquals(List.of("Employees"), DidYouMean.closest("EMPLOYES", List.of("Employees", "volunteers")));
  }

  @Test
  void anIdWithAWordLeftOutIsClose() {
    assertEquals(List.of("conduct.name-and-logo"), DidYouMean.closest("conduct.logo", List.of("conduct.name-and-logo", "principles.safety")));
  }

  @Test
  void shortWordsOfAnIdDoNotMakeItClose() {
    assertEquals(List.of(), DidYouMean.closest("a.logo", List.of("principles.logo-and-a-name-in-full")));
  }

  @Test
  void allowsTwoEditsInAShortNameAndAThirdOfALongOne() {
    assertEquals(List.of("board"), DidYouMean.closest("bxaxd", List.of("board")), "two edits");
    assertEquals(List.of(), DidYouMean.closest("bxxxd", List.of("board")), "three edits in five letters");
    assertEquals(List.of("safeguarding-lead"), DidYouMean.closest("safegaurdingxlead", List.of("safeguarding-lead")), "three edits in seventeen");
    assertEquals(List.of(), DidYouMean.closest("sxfxgxardinxxlexd", List.of("safeguarding-lead")), "six edits in seventeen");
  }

  @Test
  void aHintNamesTheCloseOnesOrListsWhatIsDeclared() {
    assertEquals("did you mean 'ceo' or 'cfo'?", DidYouMean.hint("cdo", List.of("ceo", "cfo", "trustees"), "declared offices"));
    assertEquals("declared offices: 'board', 'trustees'", DidYouMean.hint("headteacher", List.of("trustees", "board", "board"), "declared offices"));
    assertEquals("none are declared", DidYouMean.hint("headteacher", List.of(), "declared offices"));
  }

  @Test
  void aLongListIsCutAfterTwelveNames() {
    List<String> many = IntStream.rangeClosed(10, 22).mapToObj(i -> "role-" + i + "-of-the-trust").toList();
    String hint = DidYouMean.hint("x", many, "declared roles");
    assertEquals(12, hint.split(", '").length, hint);
    assertEquals(true, hint.endsWith("'role-21-of-the-trust', ..."), hint);
    assertEquals("declared roles: 'role-10-of-the-trust', 'role-11-of-the-trust'",
        DidYouMean.hint("x", many.subList(0, 2), "declared roles"));
  }

  @Test
  void eachFactTypeSaysWhyAValueDoesNotFit() {
    assertEquals(List.of("", "", "expected true or false", "expected true or false"),
        List.of("true", "false", "TRUE", "yes").stream().map(v -> FactType.BOOLEAN.problemWith(v, List.of()).orElse("")).toList());
    assertEquals(List.of("", "", "expected a whole number", "expected a whole number", "expected a whole number"),
        List.of("-12", "999999999999999999", "1.5", "1000000000000000000", "twelve").stream()
            .map(v -> FactType.INTEGER.problemWith(v, List.of()).orElse("")).toList());
    assertEquals(List.of("", "expected a date YYYY-MM-DD", "expected a date YYYY-MM-DD"),
        List.of("2016-02-29", "2015-02-29", "01/09/2016").stream().map(v -> FactType.DATE.problemWith(v, List.of()).orElse("")).toList());
    assertEquals(List.of("", "expected one of [pending, misconduct]"),
        List.of("pending", "guilty").stream().map(v -> FactType.ENUM.problemWith(v, List.of("pending", "misconduct")).orElse("")).toList());
    assertEquals("a decision is recorded under 'decisions' with its votes, not as a value",
        FactType.DECISION.problemWith("carried", List.of()).orElseThrow());
    assertEquals("boolean", FactType.BOOLEAN.word());
  }
}
