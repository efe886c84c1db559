package dev.precept.testkit;

/** The opening lines a small test policy written as YAML shares with every other: its id and a draft's metadata. */
public final class PolicyText {
  private PolicyText() {}

  /**
   * {@code schemaVersion}, {@code id} and the metadata of a draft of Example Trust, reviewed yearly
   * and approved by the office {@code board} (which the policy must declare), for a test to
   * complete with its roles, clauses and consequences.
   */
  public static String opening(String id, String title, String version) {
    return """
        schemaVersion: 1
        id: %s
        metadata:
          organisation: Example Trust
          title: %s
          version: "%s"
          status: draft
          dates: {drafted: 2024-01-01}
          reviewFrequency: P1Y
          approval: {body: board}
          signatories: [{office: board}]
        """.formatted(id, title, version);
  }
}
