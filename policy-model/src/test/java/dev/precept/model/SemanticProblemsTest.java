package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The problems only the semantic check can see (a schema-valid file whose names, dates, steps or
 * conditions do not fit together), each with the code a program switches on, the JSON pointer of
 * the value at fault and a message naming the thing.
 */
class SemanticProblemsTest {
  /** A small valid policy; each case below breaks one thing in it. */
  static final String VALID = """
      schemaVersion: 1
      id: checked
      metadata:
        organisation: Example Trust
        title: Example
        version: "1"
        status: draft
        dates: {drafted: 2024-01-10}
        reviewFrequency: P1Y
        approval: {body: board}
        signatories: [{office: board}]
      roles:
        - {id: staff, title: Staff, memberOf: [employees]}
        - {id: volunteer, title: Volunteers}
      groups:
        - {id: employees, title: Employees}
      offices:
        - {id: board, title: Board}
        - {id: ceo, title: Chief Executive}
      instruments:
        - {id: code, title: Code of Conduct}
      attributes:
        - {id: adult, type: boolean, description: 'Is the person 18 or over?'}
      facts:
        - {id: finding, type: enum, values: [pending, misconduct], description: 'What was found?'}
        - {id: posted, type: date, description: 'When was it posted?'}
        - {id: followers, type: integer, description: 'How many followers?'}
        - {id: vote, type: decision, body: board, description: 'Does the board agree?'}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: rules
          title: Rules
          clauses:
            - id: rules.logo
              kind: prohibition
              text: Do not use the logo.
              appliesTo: [staff]
              category: conduct
      consequences:
        - id: warning
          clause: rules.logo
          appliesTo: [employees]
          modality: must
          action: be warned
      """;

  private static final String CLAUSE = "/sections/0/clauses/0";
  private static final String CONSEQUENCE = "/consequences/0";

  /** The valid policy with lines added to its clause. */
  static String clauseWith(String lines) {
    return VALID.replace("    category: conduct\n", "    category: conduct\n" + indent(lines, 8));
  }

  /** The valid policy with a second clause, written in flow style. */
  static String withClause(String flow) {
    return VALID.replace("    category: conduct\n", "    category: conduct\n      - " + flow + "\n");
  }

  /** The valid policy with lines added to its consequence. */
  static String consequenceWith(String lines) {
    return VALID.replace("    action: be warned\n", "    action: be warned\n" + indent(lines, 4));
  }

  /** The valid policy with a condition under its clause's 'when'. */
  static String clauseWhen(String condition) {
    return clauseWith("when:\n  - " + condition);
  }

  private static String indent(String lines, int spaces) {
    String pad = " ".repeat(spaces);
    return lines.lines().map(l -> pad + l + "\n").collect(Collectors.joining());
  }

  static List<Diagnostic> problems(String yaml) {
    return assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(yaml, "policy.yaml"),
        () -> "expected the policy to be refused:\n" + yaml).diagnostics();
  }

  @Test
  void thePolicyTheCasesBreakIsValid() {
    Policy policy = PolicyLoader.standard().parse(VALID, "policy.yaml");
    assertEquals(List.of("rules.logo"), policy.allClauses().stream().map(Clause::id).toList());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Ids
        Arguments.of("a group with a role's id", VALID.replace("{id: employees, title: Employees}",
            "{id: employees, title: Employees}\n  - {id: staff, title: Also staff}"),
            Diagnostic.DUPLICATE_ID, "/groups/1/id", "role or group id 'staff' is already used by /roles/0"),
        Arguments.of("two roles with one id", VALID.replace("{id: volunteer, title: Volunteers}", "{id: staff, title: Volunteers}"),
            Diagnostic.DUPLICATE_ID, "/roles/1/id", "role or group id 'staff' is already used by /roles/0"),
        Arguments.of("two offices with one id", VALID.replace("{id: ceo, title: Chief Executive}", "{id: board, title: Chief Executive}"),
            Diagnostic.DUPLICATE_ID, "/offices/1/id", "office id 'board' is already used by /offices/0"),
        Arguments.of("two facts with one id", VALID.replace("{id: followers, type: integer", "{id: posted, type: integer"),
            Diagnostic.DUPLICATE_ID, "/facts/2/id", "fact id 'posted' is already used by /facts/1"),
        Arguments.of("two attributes with one id", VALID.replace("description: 'Is the person 18 or over?'}",
            "description: 'Is the person 18 or over?'}\n  - {id: adult, type: integer, description: 'Age?'}"),
            Diagnostic.DUPLICATE_ID, "/attributes/1/id", "attribute id 'adult' is already used by /attributes/0"),
        Arguments.of("two breach categories with one id", VALID.replace("- {id: conduct, title: Conduct}",
            "- {id: conduct, title: Conduct}\n  - {id: conduct, title: Misconduct}"),
            Diagnostic.DUPLICATE_ID, "/breachCategories/1/id", "breach category id 'conduct' is already used by /breachCategories/0"),
        Arguments.of("two instruments with one id", VALID.replace("- {id: code, title: Code of Conduct}",
            "- {id: code, title: Code of Conduct}\n  - {id: code, title: Code of Practice}"),
            Diagnostic.DUPLICATE_ID, "/instruments/1/id", "instrument id 'code' is already used by /instruments/0"),
        Arguments.of("two sections with one id", VALID + "appendices:\n  - {id: rules, title: Appendix, clauses: []}\n",
            Diagnostic.DUPLICATE_ID, "/appendices/0/id", "section or appendix id 'rules' is already used by /sections/0"),
        Arguments.of("a clause id used twice", withClause("{id: rules.logo, kind: principle, text: Again.}"),
            Diagnostic.DUPLICATE_ID, "/sections/0/clauses/1/id", "clause id 'rules.logo' is already used by /sections/0/clauses/0"),
        Arguments.of("a list item with its clause's id", clauseWith("items:\n  - {id: rules.logo, kind: prohibition, text: Item.}"),
            Diagnostic.DUPLICATE_ID, CLAUSE + "/items/0/id", "clause id 'rules.logo' is already used by"),
        Arguments.of("two exceptions with one id", clauseWith("""
            exceptions:
              - {id: rules.logo.ok, text: with permission, office: ceo}
              - {id: rules.logo.ok, text: with the board's permission, office: board}"""),
            Diagnostic.DUPLICATE_ID, CLAUSE + "/exceptions/1/id", "exception id 'rules.logo.ok' is already used by"),
        Arguments.of("two consequences with one id", VALID + "  - {id: warning, clause: rules.logo, appliesTo: [volunteer], modality: may, action: leave}\n",
            Diagnostic.DUPLICATE_ID, "/consequences/1/id", "consequence id 'warning' is already used by /consequences/0"),
        // Metadata
        Arguments.of("an office that signs twice", VALID.replace("signatories: [{office: board}]", "signatories: [{office: board}, {office: board}]"),
            Diagnostic.DUPLICATE_ID, "/metadata/signatories/1/office", "office 'board' signs twice"),
        Arguments.of("an unknown signatory", VALID.replace("signatories: [{office: board}]", "signatories: [{office: chair}]"),
            Diagnostic.UNKNOWN_OFFICE, "/metadata/signatories/0/office", "signatory 'chair'"),
        Arguments.of("an unknown approving body", VALID.replace("approval: {body: board}", "approval: {body: trustees}"),
            Diagnostic.UNKNOWN_OFFICE, "/metadata/approval/body", "approving body 'trustees'"),
        Arguments.of("approval before drafting", VALID.replace("dates: {drafted: 2024-01-10}", "dates: {drafted: 2024-01-10, approved: 2024-01-09}"),
            Diagnostic.INCONSISTENT, "/metadata/dates/approved", "approved 2024-01-09 is before drafted 2024-01-10"),
        Arguments.of("effect before approval", VALID.replace("dates: {drafted: 2024-01-10}",
            "dates: {drafted: 2024-01-10, approved: 2024-02-01, effective: 2024-01-31}"),
            Diagnostic.INCONSISTENT, "/metadata/dates/effective", "effective 2024-01-31 is before approved 2024-02-01"),
        Arguments.of("an approved edition with no approval date", VALID.replace("status: draft", "status: approved"),
            Diagnostic.INCONSISTENT, "/metadata/dates", "status is 'approved' but no approval date is given"),
        Arguments.of("a review frequency of nothing", VALID.replace("reviewFrequency: P1Y", "reviewFrequency: P0D"),
            Diagnostic.INCONSISTENT, "/metadata/reviewFrequency", "review frequency must be a positive period"),
        // Roles and groups
        Arguments.of("a role in an unknown group", VALID.replace("memberOf: [employees]", "memberOf: [employees, staffroom]"),
            Diagnostic.UNKNOWN_GROUP, "/roles/0/memberOf/1", "role 'staff' is a member of unknown group 'staffroom'"),
        Arguments.of("a group in an unknown group", VALID.replace("{id: employees, title: Employees}", "{id: employees, title: Employees, memberOf: [workers]}"),
            Diagnostic.UNKNOWN_GROUP, "/groups/0/memberOf/0", "group 'employees' is a member of unknown group 'workers'"),
        Arguments.of("groups that contain each other", VALID.replace("{id: employees, title: Employees}",
            "{id: employees, title: Employees, memberOf: [workers]}\n  - {id: workers, title: Workers, memberOf: [employees]}"),
            Diagnostic.GROUP_CYCLE, "/groups/0/memberOf", "groups form a cycle: employees -> workers -> employees"),
        Arguments.of("a role setting an unknown attribute", VALID.replace("{id: volunteer, title: Volunteers}",
            "{id: volunteer, title: Volunteers, attributes: {age: 30}}"),
            Diagnostic.UNKNOWN_ATTRIBUTE, "/roles/1/attributes/age", "role 'volunteer' sets unknown attribute 'age'"),
        Arguments.of("a role's attribute of the wrong type", VALID.replace("{id: volunteer, title: Volunteers}",
            "{id: volunteer, title: Volunteers, attributes: {adult: 'yes'}}"),
            Diagnostic.TYPE_MISMATCH, "/roles/1/attributes/adult", "attribute 'adult'"),
        // Clauses
        Arguments.of("a clause for an unknown role", VALID.replace("appliesTo: [staff]", "appliesTo: [staff, visitor]"),
            Diagnostic.UNKNOWN_ROLE, CLAUSE + "/appliesTo/1", "clause 'rules.logo' names unknown role 'visitor'"),
        Arguments.of("a clause in an unknown category", VALID.replace("category: conduct\n", "category: behaviour\n"),
            Diagnostic.UNKNOWN_CATEGORY, CLAUSE + "/category", "clause 'rules.logo' has breach category 'behaviour'"),
        Arguments.of("a clause citing an unknown instrument", clauseWith("references: [code, handbook]"),
            Diagnostic.UNKNOWN_INSTRUMENT, CLAUSE + "/references/1", "clause 'rules.logo' refers to instrument 'handbook'"),
        Arguments.of("a clause naming an unknown office", clauseWith("offices: [chair]"),
            Diagnostic.UNKNOWN_OFFICE, CLAUSE + "/offices/0", "clause 'rules.logo' names office 'chair'"),
        Arguments.of("an exception from an unknown office", clauseWith("exceptions:\n  - {id: rules.logo.ok, text: with permission, office: cfo}"),
            Diagnostic.UNKNOWN_OFFICE, CLAUSE + "/exceptions/0/office", "exception 'rules.logo.ok' names office 'cfo'"),
        Arguments.of("an exception from several offices, one unknown",
            clauseWith("exceptions:\n  - {id: rules.logo.ok, text: with permission, offices: [ceo, cfo]}"),
            Diagnostic.UNKNOWN_OFFICE, CLAUSE + "/exceptions/0/offices/1", "exception 'rules.logo.ok' names office 'cfo'"),
        Arguments.of("an exception testing an unknown fact",
            clauseWith("exceptions:\n  - {id: rules.logo.ok, text: when found, office: ceo, when: [{fact: verdict, is: pending}]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/exceptions/0/when/0/fact", "exception 'rules.logo.ok' tests unknown fact 'verdict'"),
        Arguments.of("exceptions on a clause nothing can breach", withClause("{id: rules.note, kind: principle, text: A note., exceptions: [{id: rules.note.ok, text: ok, office: ceo}]}"),
            Diagnostic.INCONSISTENT, "/sections/0/clauses/1/exceptions", "clause 'rules.note' has exceptions but no breach category"),
        Arguments.of("a deeming rule for an unknown fact", clauseWith("deems:\n  - {fact: verdict, is: misconduct, when: {fact: followers, atLeast: 10}}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/deems/0/fact", "clause 'rules.logo' deems unknown fact 'verdict'"),
        Arguments.of("a deemed value the fact cannot take", clauseWith("deems:\n  - {fact: finding, is: guilty, when: {fact: followers, atLeast: 10}}"),
            Diagnostic.UNKNOWN_VALUE, CLAUSE + "/deems/0/is", "fact 'finding'"),
        Arguments.of("a fact deemed from itself", clauseWith("deems:\n  - {fact: finding, is: misconduct, when: {fact: finding, is: pending}}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/deems/0/when", "clause 'rules.logo' deems fact 'finding' from itself"),
        Arguments.of("a deeming rule whose condition is wrong", clauseWith("deems:\n  - {fact: finding, is: misconduct, when: {fact: followers, is: many}}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/deems/0/when/is", "fact 'followers'"),
        // Duties
        Arguments.of("two duty steps with one id", clauseWith("duty:\n  - {id: report, text: report it}\n  - {id: report, text: report it again}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/duty/1/id", "clause 'rules.logo' has two duty steps with id 'report'"),
        Arguments.of("a duty step after itself", clauseWith("duty:\n  - {id: report, text: report it, after: [report]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/duty/0/after/0", "duty step 'report' comes after itself"),
        Arguments.of("a duty step after an unknown step", clauseWith("duty:\n  - {id: report, text: report it}\n  - {id: respond, text: respond, after: [reprot]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/duty/1/after/0", "duty step 'respond' comes after unknown step 'reprot'"),
        Arguments.of("a duty step with no time to do it in", clauseWith("duty:\n  - {id: report, text: report it}\n  - {id: respond, text: respond, within: PT0H}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/duty/1/within", "duty step 'respond' has a time limit that is not positive"),
        Arguments.of("a duty on a clause nothing can breach", withClause("{id: rules.note, kind: principle, text: A note., duty: [{id: read, text: read it}]}"),
            Diagnostic.INCONSISTENT, "/sections/0/clauses/1/duty", "clause 'rules.note' has a duty but no breach category"),
        // Consequences
        Arguments.of("a consequence citing an unknown clause", VALID.replace("clause: rules.logo", "clause: rules.log"),
            Diagnostic.UNKNOWN_CLAUSE, CONSEQUENCE + "/clause", "consequence 'warning' cites clause 'rules.log'"),
        Arguments.of("a consequence for an unknown role", VALID.replace("appliesTo: [employees]", "appliesTo: [employees, contractors]"),
            Diagnostic.UNKNOWN_ROLE, CONSEQUENCE + "/appliesTo/1", "consequence 'warning' names unknown role 'contractors'"),
        Arguments.of("a consequence answering to an unknown category", consequenceWith("categories: [conduct, safety]"),
            Diagnostic.UNKNOWN_CATEGORY, CONSEQUENCE + "/categories/1", "consequence 'warning' answers to breach category 'safety'"),
        Arguments.of("a consequence acted on by an unknown office", consequenceWith("actor: chair"),
            Diagnostic.UNKNOWN_OFFICE, CONSEQUENCE + "/actor", "consequence 'warning' names acting office 'chair'"),
        Arguments.of("a consequence acted on by several offices, one unknown", consequenceWith("actors: [board, chair]"),
            Diagnostic.UNKNOWN_OFFICE, CONSEQUENCE + "/actors/1", "consequence 'warning' names acting office 'chair'"),
        Arguments.of("a referral to nothing declared", consequenceWith("referTo: police"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/referTo", "refers to 'police', which is declared neither under 'instruments' nor under 'offices'"),
        Arguments.of("a consequence following an unknown step", consequenceWith("after: {step: ask, outcome: refused}"),
            Diagnostic.UNKNOWN_CONSEQUENCE, CONSEQUENCE + "/after/step", "consequence 'warning' follows step 'ask'"),
        Arguments.of("a consequence following itself", consequenceWith("outcomes: [done, refused]\nafter: {step: warning, outcome: refused}"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/after/step", "consequence 'warning' follows itself"),
        Arguments.of("a consequence following a later step", consequenceWith("after: {step: ask, outcome: refused}")
            + "  - {id: ask, clause: rules.logo, appliesTo: [employees], modality: must, action: be asked, outcomes: [done, refused]}\n",
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/after/step", "consequence 'warning' follows 'ask', which comes after it"),
        Arguments.of("a consequence following a step with no outcomes",
            VALID + "  - {id: ask, clause: rules.logo, appliesTo: [employees], modality: must, action: be asked, after: {step: warning, outcome: refused}}\n",
            Diagnostic.INCONSISTENT, "/consequences/1/after/step", "consequence 'ask' follows 'warning', which declares no 'outcomes'"),
        Arguments.of("a consequence following an outcome the step does not have", consequenceWith("outcomes: [done, refused]")
            + "  - {id: ask, clause: rules.logo, appliesTo: [employees], modality: must, action: be asked, after: {step: warning, outcome: refsued}}\n",
            Diagnostic.INCONSISTENT, "/consequences/1/after/outcome", "consequence 'ask' follows outcome 'refsued' of 'warning', which has outcomes [done, refused]"),
        Arguments.of("a factor that is not a fact", consequenceWith("options: [a warning, dismissal]\nfactors: [followers, severity]"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/factors/1", "consequence 'warning' weighs fact 'severity'"),
        Arguments.of("factors with no options to weigh them for", consequenceWith("factors: [followers]"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/factors", "consequence 'warning' names factors to weigh but no options to choose among"),
        Arguments.of("a procedure that is not an instrument", consequenceWith("procedure: handbook"),
            Diagnostic.UNKNOWN_INSTRUMENT, CONSEQUENCE + "/procedure", "consequence 'warning' refers to instrument 'handbook'"),
        Arguments.of("a consequence excluding itself", consequenceWith("excludes: [warning]"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/excludes/0", "consequence 'warning' excludes itself"),
        Arguments.of("a consequence excluding an unknown one", consequenceWith("excludes: [dismissal]"),
            Diagnostic.UNKNOWN_CONSEQUENCE, CONSEQUENCE + "/excludes/0", "consequence 'warning' excludes consequence 'dismissal'"),
        Arguments.of("a consequence's condition on an unknown attribute", consequenceWith("when: [{attribute: age, atLeast: 18}]"),
            Diagnostic.INCONSISTENT, CONSEQUENCE + "/when/0/attribute", "consequence 'warning' tests unknown attribute 'age'"),
        // Conditions
        Arguments.of("'all' and 'any' in one condition", clauseWhen("{all: [{fact: followers, atLeast: 1}], any: [{fact: followers, atMost: 9}]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' mixes 'all', 'any', 'not' or a test in one condition"),
        Arguments.of("'not' beside a test", clauseWhen("{fact: followers, not: {fact: followers, atMost: 9}}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "mixes 'all', 'any', 'not' or a test in one condition"),
        Arguments.of("a wrong condition nested in 'all'", clauseWhen("{all: [{fact: followers, atLeast: 1}, {fact: followers, atLeast: many}]}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/all/1/atLeast", "fact 'followers'"),
        Arguments.of("a wrong condition nested in 'any'", clauseWhen("{any: [{fact: verdict, is: pending}]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/any/0/fact", "tests unknown fact 'verdict'"),
        Arguments.of("a wrong condition nested in 'not'", clauseWhen("{not: {fact: finding, is: guilty}}"),
            Diagnostic.UNKNOWN_VALUE, CLAUSE + "/when/0/not/is", "fact 'finding'"),
        Arguments.of("'any' and 'not' in one condition", clauseWhen("{any: [{fact: followers, atLeast: 1}], not: {fact: followers, atMost: 9}}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' mixes 'all', 'any', 'not' or a test in one condition"),
        Arguments.of("a condition testing only a value", clauseWhen("{is: pending}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' has a condition that tests nothing"),
        Arguments.of("a condition on an attribute and a decision", clauseWhen("{attribute: adult, decision: vote, carried: majority}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' tests several subjects in one condition"),
        Arguments.of("a condition on two subjects", clauseWhen("{fact: followers, attribute: adult, is: 'true'}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' tests several subjects in one condition"),
        Arguments.of("a condition with no test", clauseWhen("{fact: followers}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' gives no test for 'followers'"),
        Arguments.of("a condition with two tests", clauseWhen("{fact: followers, atLeast: 1, atMost: 9}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' gives 2 tests (atLeast, atMost) for 'followers'"),
        Arguments.of("a condition with a value and a list of values", clauseWhen("{fact: finding, is: pending, in: [misconduct]}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0", "clause 'rules.logo' gives 2 tests (is, in) for 'finding'"),
        Arguments.of("an unknown decision", clauseWhen("{decision: veto, carried: majority}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/decision", "clause 'rules.logo' tests unknown decision 'veto'"),
        Arguments.of("a fact tested as a decision", clauseWhen("{decision: followers, carried: majority}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/decision", "clause 'rules.logo' tests unknown decision 'followers'"),
        Arguments.of("a decision tested with 'is'", clauseWhen("{decision: vote, is: 'yes'}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/is", "clause 'rules.logo' tests decision 'vote' with 'is'"),
        Arguments.of("a decision's votes that are not a number", clauseWhen("{decision: vote, atLeast: two}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/atLeast", "votes for on 'vote'"),
        Arguments.of("a decision tested as a fact", clauseWhen("{fact: vote, is: carried}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/fact", "clause 'rules.logo' tests decision 'vote' as a fact"),
        Arguments.of("a fact's value of the wrong type", clauseWhen("{fact: followers, is: many}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/is", "fact 'followers'"),
        Arguments.of("one of several values the fact cannot take", clauseWhen("{fact: finding, in: [pending, guilty]}"),
            Diagnostic.UNKNOWN_VALUE, CLAUSE + "/when/0/in/1", "fact 'finding'"),
        Arguments.of("an attribute's value of the wrong type", clauseWhen("{attribute: adult, is: 'yes'}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/is", "attribute 'adult'"),
        Arguments.of("'carried' on a fact", clauseWhen("{fact: followers, carried: majority}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/carried", "clause 'rules.logo' uses 'carried' on fact 'followers'"),
        Arguments.of("'within' on a number", clauseWhen("{fact: followers, within: P1Y}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/within", "clause 'rules.logo' uses 'within' on fact 'followers', whose type is integer"),
        Arguments.of("'before' on a number", clauseWhen("{fact: followers, before: 2024-01-01}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/before", "clause 'rules.logo' uses 'before' on fact 'followers', whose type is integer"),
        Arguments.of("'after' something that is not a date", clauseWhen("{fact: posted, after: 01/09/2016}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/after", "fact 'posted'"),
        Arguments.of("a comparison of an enum", clauseWhen("{fact: finding, atLeast: 2}"),
            Diagnostic.INCONSISTENT, CLAUSE + "/when/0/atLeast", "clause 'rules.logo' compares fact 'finding', whose type is"),
        Arguments.of("a bound that is not a number", clauseWhen("{fact: followers, moreThan: lots}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/moreThan", "fact 'followers'"),
        Arguments.of("a range with a bound that is not a date", clauseWhen("{fact: posted, between: [2024-01-01, soon]}"),
            Diagnostic.TYPE_MISMATCH, CLAUSE + "/when/0/between/1", "fact 'posted'"),
        // Facts and silences
        Arguments.of("a decision taken by an unknown body", VALID.replace("type: decision, body: board", "type: decision, body: trustees"),
            Diagnostic.UNKNOWN_OFFICE, "/facts/3/body", "decision 'vote' is taken by body 'trustees'"),
        Arguments.of("a body on a fact that is not a decision", VALID.replace("{id: followers, type: integer,", "{id: followers, type: integer, body: board,"),
            Diagnostic.INCONSISTENT, "/facts/2/body", "fact 'followers' is integer, but only a decision has a body and a quorum"),
        Arguments.of("a quorum on a fact that is not a decision", VALID.replace("{id: followers, type: integer,", "{id: followers, type: integer, quorum: 3,"),
            Diagnostic.INCONSISTENT, "/facts/2/quorum", "fact 'followers' is integer, but only a decision has a body and a quorum"),
        Arguments.of("two silences with one id", VALID + "silent:\n  - {id: quiet, appliesTo: [volunteer], reason: r}\n  - {id: quiet, appliesTo: [staff], reason: r}\n",
            Diagnostic.INCONSISTENT, "/silent/1/id", "silence id 'quiet' is used twice"),
        Arguments.of("a silence citing an unknown clause", VALID + "silent:\n  - {id: quiet, clause: rules.lgo, appliesTo: [volunteer], reason: r}\n",
            Diagnostic.UNKNOWN_CLAUSE, "/silent/0/clause", "silence 'quiet' cites clause 'rules.lgo'"),
        Arguments.of("a silence for an unknown role", VALID + "silent:\n  - {id: quiet, appliesTo: [volunteer, visitor], reason: r}\n",
            Diagnostic.INCONSISTENT, "/silent/0/appliesTo/1", "silence 'quiet' names unknown role 'visitor'"),
        Arguments.of("a silence in an unknown category", VALID + "silent:\n  - {id: quiet, appliesTo: [volunteer], categories: [safety], reason: r}\n",
            Diagnostic.UNKNOWN_CATEGORY, "/silent/0/categories/0", "silence 'quiet' names breach category 'safety'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachProblemIsReportedWithItsCodePointerAndMessage(String name, String yaml, String code, String pointer, String message) {
    List<Diagnostic> problems = problems(yaml);
    String all = problems.stream().map(Diagnostic::describe).collect(Collectors.joining("\n"));
    assertTrue(problems.stream().anyMatch(d -> d.code().equals(code) && d.pointer().equals(pointer) && d.message().contains(message)),
        () -> name + ": expected " + code + " at " + pointer + " saying \"" + message + "\", got:\n" + all);
    assertTrue(problems.stream().allMatch(d -> d.line() > 0), () -> "every problem is located in the file:\n" + all);
  }

  @Test
  void aCycleIsReportedOnceWhicheverGroupItIsEnteredFrom() {
    List<Diagnostic> problems = problems(VALID.replace("{id: employees, title: Employees}",
        "{id: employees, title: Employees, memberOf: [workers]}\n  - {id: workers, title: Workers, memberOf: [employees]}"));
    assertEquals(1, problems.stream().filter(d -> d.code().equals(Diagnostic.GROUP_CYCLE)).count(),
        () -> problems.stream().map(Diagnostic::describe).collect(Collectors.joining("\n")));
  }

  @Test
  void anUnknownNameGetsADidYouMeanFromTheDeclaredOnes() {
    Diagnostic d = problems(VALID.replace("appliesTo: [employees]", "appliesTo: [employes]")).get(0);
    assertEquals(Diagnostic.UNKNOWN_ROLE, d.code());
    assertEquals("employes", d.subject().orElseThrow());
    assertEquals("did you mean 'employees'?", d.hint().orElseThrow());
  }

  @Test
  void anUnknownDecisionGetsADidYouMeanFromTheDecisionsOnly() {
    Diagnostic misspelt = problems(clauseWhen("{decision: voet, carried: majority}")).get(0);
    assertEquals("did you mean 'vote'?", misspelt.hint().orElseThrow());
    Diagnostic aFact = problems(clauseWhen("{decision: findings, carried: majority}")).get(0);
    assertEquals("declared decisions (facts of type decision): 'vote'", aFact.hint().orElseThrow());
  }

  @Test
  void everyKindOfReferenceToWhatIsDeclaredIsAccepted() {
    String yaml = clauseWith("""
        references: [code]
        offices: [ceo]
        when:
          - {fact: posted, within: P1Y}
          - {fact: posted, atMost: incident-date}
          - {fact: posted, between: [2024-01-01, incident-date]}
          - {fact: posted, before: incident-date}
          - {fact: followers, atLeast: 10}
          - {decision: vote, atLeast: 3}
          - {attribute: adult, is: 'true'}
          - {any: [{fact: finding, in: [pending, misconduct]}]}
          - {not: {decision: vote, carried: majority}}
        deems:
          - {fact: finding, is: misconduct, when: {fact: followers, atLeast: 1000}}
          - {fact: finding, is: pending, when: {attribute: adult, is: 'false'}}
        duty:
          - {id: report, text: report it, within: PT24H}
          - {id: respond, text: respond, after: [report], within: P2D}""")
        .replace("    action: be warned\n", "    action: be warned\n    procedure: code\n    referTo: code\n    actor: ceo\n"
            + "    outcomes: [done, refused]\n    categories: [conduct]\n")
        + "  - {id: referral, clause: rules.logo, appliesTo: [staff], modality: may, action: be referred, referTo: board,"
        + " after: {step: warning, outcome: refused}, excludes: [warning], options: [a note, a letter], factors: [followers]}\n"
        + "silent:\n  - {id: quiet, clause: rules.logo, appliesTo: [volunteer, employees], categories: [conduct], reason: not covered}\n";
    Policy policy = PolicyLoader.standard().parse(yaml, "policy.yaml");
    assertEquals(List.of("warning", "referral"), policy.consequences().stream().map(Consequence::id).toList());
  }
}
