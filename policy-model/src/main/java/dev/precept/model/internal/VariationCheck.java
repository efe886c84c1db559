package dev.precept.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.Clause;
import dev.precept.model.Consequence;
import dev.precept.model.DidYouMean;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.Diagnostic;
import dev.precept.model.TailoringKind;
import dev.precept.model.Variation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a master policy's variation points: every {@code {{variable}}} is declared and sits
 * in prose, every tailorable clause exists and a removable one is not what a consequence cites, and
 * the local approval names declared offices.
 */
public final class VariationCheck {
  private VariationCheck() {}

  /** Every variation problem in a policy read from this document (none for a policy without variables or variation). */
  public static List<Diagnostic> check(Policy policy, LocatedDocument document) {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> declared = policy.variation().map(v -> v.variables().stream().map(Variation.Variable::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new))).orElseGet(java.util.LinkedHashSet::new);
    JsonNode root = document.root();
    Placeholders.visitStrings(root, "", false, (pointer, value, prose) -> {
      if (pointer.startsWith("/variation")) {
        return;
      }
      for (Placeholders.Use use : Placeholders.uses(value)) {
        if (!use.wellFormed()) {
          problems.add(document.diagnostic(Diagnostic.INCONSISTENT, pointer, "'" + use.name() + "' is not a variable: write a variable as {{name}}",
              "variable names are lower-case words joined by '.' or '-', e.g. {{academy.name}}"));
        } else if (!prose) {
          problems.add(document.diagnostic(Diagnostic.INCONSISTENT, pointer, "variable {{" + use.name() + "}} is used outside prose",
              "variables may be used only in " + Placeholders.TEXT_KEYS.stream().sorted().collect(Collectors.joining(", "))));
        } else if (!declared.contains(use.name())) {
          problems.add(document.diagnostic(Diagnostic.INCONSISTENT, pointer, "variable {{" + use.name() + "}} is not declared",
              declared.isEmpty() ? "declare it under variation.variables with an id and a title"
                  : DidYouMean.hint(use.name(), declared, "declared variables")));
        }
      }
    });
    policy.variation().ifPresent(v -> variation(policy, v, document, problems));
    return problems;
  }

  private static void variation(Policy policy, Variation variation, LocatedDocument document, List<Diagnostic> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < variation.variables().size(); i++) {
      if (!seen.add(variation.variables().get(i).id())) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, "/variation/variables/" + i + "/id",
            "variable '" + variation.variables().get(i).id() + "' is declared twice", "give each variable one declaration"));
      }
    }
    Set<String> clauses = policy.allClauses().stream().map(Clause::id).collect(Collectors.toSet());
    Set<String> cited = policy.consequences().stream().map(Consequence::clause).collect(Collectors.toSet());
    Set<String> tailorable = new HashSet<>();
    for (int i = 0; i < variation.tailorable().size(); i++) {
      Variation.Tailorable t = variation.tailorable().get(i);
      String at = "/variation/tailorable/" + i;
      if (!clauses.contains(t.clause())) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, at + "/clause", "tailorable clause '" + t.clause() + "' is not a clause of this policy",
            DidYouMean.hint(t.clause(), clauses, "clauses")));
      } else if (!tailorable.add(t.clause())) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, at + "/clause", "clause '" + t.clause() + "' is listed as tailorable twice",
            "list each clause once, with every tailoring allowed"));
      } else if (t.allow().contains(TailoringKind.REMOVE) && cited.contains(t.clause())) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, at + "/allow", "clause '" + t.clause() + "' may not be removable: a consequence cites it",
            "allow replace or add-after only, or cite another clause from the consequence"));
      }
    }
    variation.localApproval().ifPresent(local -> {
      if (policy.office(local.body()).isEmpty()) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, "/variation/localApproval/body", "local approval body '" + local.body() + "' is not a declared office",
            DidYouMean.hint(local.body(), policy.offices().stream().map(o -> o.id()).toList(), "declared offices")));
      }
      for (int i = 0; i < local.signatories().size(); i++) {
        String office = local.signatories().get(i).office();
        if (policy.office(office).isEmpty()) {
          problems.add(document.diagnostic(Diagnostic.INCONSISTENT, "/variation/localApproval/signatories/" + i + "/office",
              "local signatory '" + office + "' is not a declared office",
              DidYouMean.hint(office, policy.offices().stream().map(o -> o.id()).toList(), "declared offices")));
        }
      }
    });
  }
}
