package dev.precept.eval;

import dev.precept.testkit.PolicyText;

/** A small policy's opening the evaluator's and checker's tests complete with their own sections. */
final class TestPolicies {
  /**
   * Metadata, roles (staff, an employee; volunteer, in no group), groups (employees; nobody, with
   * no role), offices (board, ceo), facts and breach categories (conduct; empty, with no rule).
   */
  static final String HEADER = PolicyText.opening("checked", "Example", "1") + """
      roles:
        - {id: staff, title: Staff, memberOf: [employees]}
        - {id: volunteer, title: Volunteers}
      groups:
        - {id: employees, title: employees}
        - {id: nobody, title: a group no role is in}
      offices:
        - {id: board, title: Board}
        - {id: ceo, title: CEO}
      facts:
        - {id: working-hours, type: boolean, description: 'In working hours?'}
        - {id: unused-fact, type: boolean, description: 'Never tested'}
      breachCategories:
        - {id: conduct, title: Conduct}
        - {id: empty, title: No rules here}
      """;

  private TestPolicies() {}
}
