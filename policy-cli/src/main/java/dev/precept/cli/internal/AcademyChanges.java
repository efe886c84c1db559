package dev.precept.cli.internal;

import dev.precept.library.TrustLibrary;
import dev.precept.model.Clause;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** For {@code precept diff OLD NEW --library DIR}: what a new master edition does to each academy's document. */
final class AcademyChanges {
  private AcademyChanges() {}

  /** One academy: the clauses of its document that change, and what in its overlay needs attention. */
  record Academy(String academy, String overlay, List<String> clausesChanged, List<String> attention) {}

  static List<Academy> between(Path library, Policy old, Policy now) {
    if (!Files.isDirectory(library)) {
      throw new UsageException("--library " + library + ": no such folder");
    }
    TrustLibrary trust = TrustLibrary.open(library);
    List<Academy> out = new ArrayList<>();
    for (String name : trust.academies()) {
      for (Overlay overlay : trust.overlays(name)) {
        if (!overlay.master().policy().equals(now.id())) {
          continue;
        }
        String file = trust.fileOf(overlay).map(Path::toString).orElse("");
        List<String> attention = new ArrayList<>();
        overlay.changedUnderneath(old, now).forEach(p -> attention.add(p.describe()));
        Policy before;
        Policy after;
        try {
          before = overlay.applyTo(old);
        } catch (PolicyValidationException e) {
          e.diagnostics().forEach(p -> attention.add("under " + old.metadata().version() + ": " + p.describe()));
          out.add(new Academy(name, file, List.of(), attention));
          continue;
        }
        try {
          after = overlay.applyTo(now, old);
        } catch (PolicyValidationException e) {
          for (Diagnostic p : e.diagnostics()) {
            if (!attention.contains(p.describe())) {
              attention.add(p.describe());
            }
          }
          out.add(new Academy(name, file, List.of(), attention));
          continue;
        }
        out.add(new Academy(name, file, changedClauses(before, after), attention));
      }
    }
    return out;
  }

  private static List<String> changedClauses(Policy before, Policy after) {
    Set<String> ids = new LinkedHashSet<>();
    before.allClauses().forEach(c -> ids.add(c.id()));
    after.allClauses().forEach(c -> ids.add(c.id()));
    List<String> changed = new ArrayList<>();
    for (String id : ids) {
      var a = before.clause(id).map(AcademyChanges::tree);
      var b = after.clause(id).map(AcademyChanges::tree);
      if (!a.equals(b)) {
        changed.add(id + (a.isEmpty() ? " (added)" : b.isEmpty() ? " (removed)" : ""));
      }
    }
    return changed;
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(Clause clause) {
    return PolicyYaml.toTree(dev.precept.model.Clause.builder().from(clause).items(List.of()).build());
  }

  static String toText(List<Academy> academies) {
    StringBuilder out = new StringBuilder("\nAcademies:\n");
    if (academies.isEmpty()) {
      out.append("  no academy in the library has an overlay on this policy\n");
    }
    for (Academy a : academies) {
      out.append("  ").append(a.academy()).append(": ");
      out.append(a.clausesChanged().isEmpty() ? "its document does not change" : "its document changes in " + a.clausesChanged().size()
          + (a.clausesChanged().size() == 1 ? " clause: " : " clauses: ") + String.join(", ", a.clausesChanged()));
      out.append(a.attention().isEmpty() ? "; its overlay applies as approved\n" : "; its overlay NEEDS ATTENTION:\n");
      a.attention().forEach(x -> out.append("    ").append(x.replace("\n", "\n    ")).append('\n'));
    }
    return out.toString();
  }
}
