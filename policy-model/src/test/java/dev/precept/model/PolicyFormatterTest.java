package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code precept fmt}: a policy rewritten in the canonical layout, so that reviews diff cleanly. */
class PolicyFormatterTest {
  /** Keys out of the schema's order, needless quotes, flow mappings, a list written as a block. */
  static final String MESSY = """
      # The trust's policy.
      schemaVersion: 1
      id: messy
      metadata:
        title: 'Messy Policy'
        organisation: Example Trust
        version: '2016.1'
        status: draft
        dates: {drafted: 2024-01-10}
        reviewFrequency: P1Y
        approval: {body: board}
        signatories: [{office: board}]
      roles:
        - {title: Staff, id: staff}
      offices:
        - {id: board, title: Board}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - title: Rules
          id: rules
          clauses:
            - id: rules.logo
              category: conduct
              text: 'Do not use the logo.'
              kind: prohibition
              appliesTo:
                - staff
      """;

  /** The same policy in canonical layout. */
  static final String CANONICAL = """
      # The trust's policy.
      schemaVersion: 1
      id: messy
      metadata:
        organisation: Example Trust
        title: Messy Policy
        version: "2016.1"
        status: draft
        dates:
          drafted: 2024-01-10
        reviewFrequency: P1Y
        approval:
          body: board
        signatories:
          - office: board
      roles:
        - id: staff
          title: Staff
      offices:
        - id: board
          title: Board
      breachCategories:
        - id: conduct
          title: Conduct
      sections:
        - id: rules
          title: Rules
          clauses:
            - id: rules.logo
              kind: prohibition
              text: Do not use the logo.
              appliesTo: [staff]
              category: conduct
      """;

  @Test
  void putsKeysInTheSchemasOrderAndQuotesOnlyWhatWouldReadAsAnotherType() {
    assertEquals(CANONICAL, PolicyFormatter.format(MESSY, "messy.yaml"));
  }

  @Test
  void keepsTheCommentsAndThePolicysDigest() {
    String formatted = PolicyFormatter.format(MESSY, "messy.yaml");
    assertTrue(formatted.startsWith("# The trust's policy.\n"), formatted);
    assertEquals(PolicyDigest.of(PolicyLoader.standard().parse(MESSY, "messy.yaml")),
        PolicyDigest.of(PolicyLoader.standard().parse(formatted, "formatted.yaml")));
  }

  @Test
  void aFormattedPolicyIsLeftAsItIs() {
    assertEquals(CANONICAL, PolicyFormatter.format(CANONICAL, "canonical.yaml"));
    assertTrue(PolicyFormatter.isFormatted(CANONICAL, "canonical.yaml"));
    assertFalse(PolicyFormatter.isFormatted(MESSY, "messy.yaml"));
  }

  @Test
  void anInvalidPolicyIsRefusedWithItsProblemsAndNotFormatted() {
    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> PolicyFormatter.format(MESSY.replace("appliesTo:\n          - staff", "appliesTo:\n          - staf"), "messy.yaml"));
    assertEquals(Diagnostic.UNKNOWN_ROLE, refused.diagnostics().get(0).code());
    assertEquals("did you mean 'staff'?", refused.diagnostics().get(0).hint().orElseThrow());
  }

  /** A policy using most of the layout rules: comments above list items, flow and block, quotes, long text. */
  private static String laidOutByHand() throws IOException {
    return Files.readString(GoldenFile.FOLDER.resolve("laid-out-by-hand.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void aPolicyLaidOutByHandIsRewrittenInTheCanonicalLayout() throws IOException {
    // Comments stay above their list items; a few attribute values stay on one line, five do not;
    // up to six short values stay on one line, a seventh or one of forty characters do not;
    // 'yes' and '2016.1' keep their quotes, other quotes go; long text wraps at 100 columns.
    GoldenFile.assertMatches("laid-out-by-hand.formatted.yaml", PolicyFormatter.format(laidOutByHand(), "laid-out-by-hand.yaml"));
  }

  @Test
  void aHeaderCommentStaysAtTheTopWhenTheFirstKeyMovesDown() throws IOException {
    String formatted = PolicyFormatter.format(laidOutByHand(), "laid-out-by-hand.yaml");
    assertTrue(formatted.startsWith("# yaml-language-server: $schema=./policy.schema.json\n# A policy laid out by hand"), formatted);
    assertTrue(formatted.contains("needless quotes.\nschemaVersion: 1\nid: laid-out\n"), formatted);
  }

  @Test
  void aCommentAboveAListItemStaysAboveItsDash() throws IOException {
    String formatted = PolicyFormatter.format(laidOutByHand(), "laid-out-by-hand.yaml");
    assertTrue(formatted.contains("roles:\n  # Pupils first: they are most of the school.\n  - id: pupil\n"), formatted);
    assertTrue(formatted.contains("    title: Board\n  # The head acts for the board day to day.\n  - id: head\n"), formatted);
  }

  @Test
  void theCanonicalLayoutOfAPolicyIsItsOwnCanonicalLayout() throws IOException {
    String once = PolicyFormatter.format(laidOutByHand(), "laid-out-by-hand.yaml");
    assertEquals(once, PolicyFormatter.format(once, "formatted.yaml"));
    assertTrue(PolicyFormatter.isFormatted(once, "formatted.yaml"));
  }

  @Test
  void formattingNothingIsRefusedWithAMessageNotAParserError() {
    NullPointerException refused = assertThrows(NullPointerException.class, () -> PolicyFormatter.format(null, "policy.yaml"));
    assertEquals("PolicyFormatter.format needs the policy's text, not null", refused.getMessage());
  }

  @Test
  void aCommentBesideAQuotedValueStaysWhenTheQuotesGo() {
    String formatted = PolicyFormatter.format(MESSY.replace("  title: 'Messy Policy'\n", "  title: 'Messy Policy' # as the Board named it\n"), "messy.yaml");
    assertTrue(formatted.contains("  title: Messy Policy # as the Board named it\n"), formatted);
  }
}
