package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import java.nio.charset.StandardCharsets;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule language's constructs seen from outside the corpus: incidents that misuse them, check, JSON. */
class RuleLanguageTest {
  private static Policy corpus(String name) {
    return PolicyLoader.standard().load(SemanticsCorpusTest.CORPUS.resolve(name).resolve("policy.yaml"));
  }

  private static List<String> problems(Policy policy, String yaml) {
    LocatedDocument document = LocatedDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "incident.yaml", ReadLimits.STANDARD);
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> IncidentLoader.forPolicy(policy).read(document, ""));
    return e.diagnostics().stream().map(Diagnostic::describe).map(s -> s.replace(System.lineSeparator(), "\n")).toList();
  }

  @Test
  void refusesAnIncidentWithAnUnknownDecisionOrMoreVotesThanMembers() {
    assertEquals(List.of(
        "incident.yaml:5:3: error: unknown decision 'trustee-view': policy decisions declares no such decision (at /decisions/trustee-view)\n"
            + "    hint: did you mean 'trustees-view'?",
        "incident.yaml:6:3: error: decision 'directors-agree' records 4 votes but the body has 3 members (at /decisions/directors-agree)\n"
            + "    hint: votes for, against and abstaining together cannot exceed the members"),
        problems(corpus("collective-decisions"), """
            id: x
            person: {roles: [volunteer]}
            clauses: [conduct.breach]
            decisions:
              trustee-view: {for: 3, members: 5}
              directors-agree: {for: 3, against: 1, members: 3}
            """));
  }

  @Test
  void refusesAnIncidentWithAnUnknownStepOrAnOutcomeTheStepCannotHave() {
    assertEquals(List.of(
        "incident.yaml:5:3: error: unknown step 'ask-to-remov': no consequence of policy staged with that id has outcomes (at /steps/ask-to-remov)\n"
            + "    hint: did you mean 'ask-to-remove'?",
        "incident.yaml:6:3: error: step 'ask-to-remove' cannot end 'refuse' (at /steps/ask-to-remove)\n"
            + "    hint: did you mean 'refused'?"),
        problems(corpus("staged-consequences"), """
            id: x
            person: {roles: [councillor]}
            clauses: [posts.inappropriate]
            steps:
              ask-to-remov: refused
              ask-to-remove: refuse
            """));
  }

  @Test
  void refusesAnIncidentWithAnUnknownDutyStepOrATimeThatIsNotOne() {
    List<String> problems = problems(corpus("duties-order-and-time"), """
        id: x
        person: {roles: [officer]}
        clauses: [media.negative-coverage]
        done: {reprot: "2026-03-02T09:00", advice: tomorrow}
        """);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("unknown duty step 'reprot'") && problems.get(0).contains("did you mean 'report'?"),
        problems.get(0));
    assertTrue(problems.get(1).contains("step 'advice' cannot be done 'tomorrow': expected a time YYYY-MM-DDTHH:MM or not-done"),
        problems.get(1));
  }

  private static List<String> javaProblems(Policy policy, Incident incident) {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> Evaluator.of(policy).rule(incident));
    return e.diagnostics().stream().map(Diagnostic::describe).map(s -> s.replace(System.lineSeparator(), "\n")).toList();
  }

  private static CollectiveDecision votes(int votesFor, int against, int abstained, int members) {
    return CollectiveDecision.builder().votesFor(votesFor).votesAgainst(against).abstained(abstained).members(members).build();
  }

  private static Incident.Builder incident(String role, String clause) {
    return Incident.builder().id("x").person(Person.holding(role)).addClauses(clause);
  }

  @Test
  void anIncidentBuiltInJavaWithAnUnknownDecisionIsRefusedWithTheDecisionItMeant() {
    assertEquals(List.of("incident 'x': error: unknown decision 'trustee-view': policy decisions declares no such decision"
            + " (at /decisions/trustee-view)\n    hint: did you mean 'trustees-view'?"),
        javaProblems(corpus("collective-decisions"), incident("volunteer", "conduct.breach")
            .putDecision("trustee-view", votes(3, 0, 0, 5)).build()));
  }

  @Test
  void anIncidentBuiltInJavaWithMoreVotesThanMembersIsRefused() {
    assertEquals(List.of("incident 'x': error: decision 'directors-agree' records 4 votes but the body has 3 members"
            + " (at /decisions/directors-agree)\n    hint: votes for, against and abstaining together cannot exceed the members"),
        javaProblems(corpus("collective-decisions"), incident("volunteer", "conduct.breach")
            .putDecision("directors-agree", votes(3, 1, 0, 3)).build()));
  }

  @Test
  void anIncidentBuiltInJavaWithNegativeVotesIsRefused() {
    assertEquals(List.of("incident 'x': error: decision 'directors-agree' records a negative number of votes"
            + " (at /decisions/directors-agree)\n    hint: count the members who voted for, against and abstained: 0 or more each"),
        javaProblems(corpus("collective-decisions"), incident("volunteer", "conduct.breach")
            .putDecision("directors-agree", votes(2, -1, 0, 3)).build()));
  }

  @Test
  void anIncidentBuiltInJavaWithABodyOfNoMembersIsRefused() {
    assertEquals(List.of("incident 'x': error: decision 'directors-agree' is by a body of 0 members"
            + " (at /decisions/directors-agree)\n    hint: give the number of members of the body, present or not: at least 1"),
        javaProblems(corpus("collective-decisions"), incident("volunteer", "conduct.breach")
            .putDecision("directors-agree", votes(0, 0, 0, 0)).build()));
  }

  @Test
  void anIncidentBuiltInJavaWithAnUnknownStepOrAnOutcomeTheStepCannotHaveIsRefused() {
    assertEquals(List.of(
        "incident 'x': error: unknown step 'ask-to-remov': no consequence of policy staged with that id has outcomes"
            + " (at /steps/ask-to-remov)\n    hint: did you mean 'ask-to-remove'?",
        "incident 'x': error: step 'ask-to-remove' cannot end 'refuse' (at /steps/ask-to-remove)\n    hint: did you mean 'refused'?"),
        javaProblems(corpus("staged-consequences"), incident("councillor", "posts.inappropriate")
            .putStep("ask-to-remov", "refused").putStep("ask-to-remove", "refuse").build()));
  }

  @Test
  void anIncidentBuiltInJavaWithAnUnknownDutyStepOrATimeThatIsNotOneIsRefused() {
    assertEquals(List.of(
        "incident 'x': error: unknown duty step 'reprot': no duty of policy duties has that step (at /done/reprot)\n"
            + "    hint: did you mean 'report'?",
        "incident 'x': error: step 'advice' cannot be done 'tomorrow': expected a time YYYY-MM-DDTHH:MM or not-done"
            + " (at /done/advice)\n    hint: for example 2026-03-02T09:00"),
        javaProblems(corpus("duties-order-and-time"), incident("officer", "media.negative-coverage")
            .putDone("reprot", "2026-03-02T09:00").putDone("advice", "tomorrow").build()));
  }

  @Test
  void anIncidentBuiltInJavaWithPossibleRecordsIsRuled() {
    Ruling ruling = Evaluator.of(corpus("duties-order-and-time")).rule(incident("officer", "media.negative-coverage")
        .putDone("report", "2026-03-02T09:00").putDone("advice", "not-done").build());
    assertEquals("x", ruling.incident());
  }

  @Test
  void aFileWithABodyOfNoMembersIsRefusedOnceByTheSchema() {
    List<String> problems = problems(corpus("collective-decisions"), """
        id: x
        person: {roles: [volunteer]}
        clauses: [conduct.breach]
        decisions:
          directors-agree: {for: 0, members: 0}
        """);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("/decisions/directors-agree/members"), problems.get(0));
  }

  @Test
  void checkShowsADeclaredSilenceAsInformationAndAnUndeclaredOneAsAGap() {
    CheckReport report = PolicyCheck.of(corpus("declared-silence"));
    Finding silence = report.findings().stream().filter(f -> f.kind() == Finding.Kind.DECLARED_SILENCE).findFirst().orElseThrow();
    assertEquals(Finding.Severity.INFO, silence.severity());
    assertEquals(List.of("contractor", "conduct.no-abuse", "contractors-by-contract"), silence.subjects());
    assertTrue(silence.message().contains("their conduct is governed by their contracts with the council"), silence.message());
    Finding gap = report.findings().stream().filter(f -> f.kind() == Finding.Kind.GAP).findFirst().orElseThrow();
    assertEquals(List.of("visitor", "conduct.no-abuse"), gap.subjects());
    assertEquals("contractors-by-contract", report.matrix().get("contractor").get("conduct").silence().orElseThrow());
    assertTrue(PolicyCheck.toText(report).contains("silent"), PolicyCheck.toText(report));
  }

  @Test
  void aPolicyWhoseOnlySilenceIsDeclaredPassesTheCheck() {
    Policy policy = PolicyLoader.standard().parse(
        new String(readCorpus("declared-silence"), StandardCharsets.UTF_8)
            .replace("  - {id: visitor, title: Visitors}\n", ""), "silence.yaml");
    assertFalse(PolicyCheck.of(policy).hasErrors(), PolicyCheck.toText(PolicyCheck.of(policy)));
  }

  @Test
  void richRulingsSurviveAJsonRoundTripAndExplainEveryStep() {
    Policy policy = corpus("staged-with-role-split");
    Ruling ruling = Evaluator.of(policy).rule(Incident.builder().id("r").person(Person.holding("employee"))
        .addClauses("posts.rule").build());
    assertEquals(ruling, Rulings.fromJson(Rulings.toJson(ruling)));
    StepRuling step = ruling.consequence("ask").orElseThrow().step().orElseThrow();
    assertTrue(step.current());
    assertEquals(List.of(ImmutableNext.of("removed", List.of()), ImmutableNext.of("refused", List.of("disciplinary"))), step.next());

    Ruling deemed = Evaluator.of(corpus("deeming")).rule(Incident.builder().id("d").person(Person.holding("councillor"))
        .addClauses("capacity.respect").putFact("gives-title", "true").putFact("official-capacity", "false").build());
    assertEquals(deemed, Rulings.fromJson(Rulings.toJson(deemed)));
    assertEquals("capacity.deemed", deemed.deemed().get(0).clause());
    assertEquals("false", deemed.deemed().get(0).recorded().orElseThrow());
    assertEquals(1, deemed.diagnostics().size());
  }

  private static byte[] readCorpus(String name) {
    return PolicyLoader.readFile(SemanticsCorpusTest.CORPUS.resolve(name).resolve("policy.yaml"), ReadLimits.STANDARD);
  }

}
