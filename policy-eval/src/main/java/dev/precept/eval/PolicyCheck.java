package dev.precept.eval;

import org.apiguardian.api.API;

import dev.precept.eval.internal.CompiledPolicy;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Modality;
import dev.precept.model.Policy;
import dev.precept.model.Role;
import dev.precept.model.Silence;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;

/**
 * Static analysis of a policy for governance staff, before the Board sees it: which consequences
 * each role faces for each kind of breach, and where the policy is silent, contradicts itself or
 * has parts nothing can reach.
 *
 * <pre>{@code
 * CheckReport report = PolicyCheck.of(policy);
 * report.findings().forEach(f -> System.out.println(f.message()));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class PolicyCheck {
  private final Policy policy;
  private final CompiledPolicy compiled;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> reportedConflicts = new HashSet<>();

  private PolicyCheck(Policy policy) {
    this.policy = policy;
    this.compiled = new CompiledPolicy(policy);
  }

  /** Checks a validated policy. */
  public static CheckReport of(Policy policy) {
    return new PolicyCheck(policy).run();
  }

  private CheckReport run() {
    Map<String, Map<String, CheckReport.Cell>> matrix = new LinkedHashMap<>();
    Set<String> reachedConsequences = new HashSet<>();
    Set<String> reachedRules = new HashSet<>();
    for (Role role : policy.roles()) {
      Map<String, List<String>> reach = compiled.reachOf(role.id());
      Map<String, CheckReport.Cell> row = new LinkedHashMap<>();
      for (var category : policy.breachCategories()) {
        List<String> rules = new ArrayList<>();
        for (Clause rule : compiled.rulesIn(category.id())) {
          if (within(rule.appliesTo(), reach) && satisfiable(rule.when())) {
            rules.add(rule.id());
            reachedRules.add(rule.id());
          }
        }
        List<Consequence> answering = new ArrayList<>();
        BitSet candidates = compiled.consequencesFor(category.id());
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
          Consequence consequence = compiled.consequences().get(i);
          if (within(consequence.appliesTo(), reach) && satisfiable(consequence.when())) {
            answering.add(consequence);
          }
        }
        if (!rules.isEmpty()) {
          answering.forEach(c -> reachedConsequences.add(c.id()));
          java.util.Optional<Silence> silence = silence(category.id(), reach);
          if (answering.isEmpty() && silence.isPresent()) {
            findings.add(Finding.builder().severity(Finding.Severity.INFO).kind(Finding.Kind.DECLARED_SILENCE)
                .addSubjects(role.id(), rules.get(0), silence.get().id())
                .message("no consequence for a " + role.id() + " who breaches " + String.join(", ", rules)
                    + " (" + category.id() + "), as the policy declares (silence '" + silence.get().id() + "'): "
                    + silence.get().reason())
                .build());
          } else if (answering.isEmpty()) {
            findings.add(Finding.builder().severity(Finding.Severity.ERROR).kind(Finding.Kind.GAP)
                .addSubjects(role.id(), rules.get(0))
                .message("no consequence for a " + role.id() + " who breaches " + String.join(", ", rules)
                    + " (" + category.id() + "): the policy is silent for this role")
                .example(example(role.id(), rules.get(0)))
                .build());
          }
          conflicts(role.id(), rules.get(0), answering);
        }
        java.util.Optional<Silence> declared = rules.isEmpty() || !answering.isEmpty() ? java.util.Optional.empty()
            : silence(category.id(), reach);
        row.put(category.id(), CheckReport.Cell.builder().rules(rules).silence(declared.map(Silence::id))
            .consequences(rules.isEmpty() ? List.of() : answering.stream().map(c -> c.id() + " (" + c.modality().word() + ")").toList())
            .build());
      }
      matrix.put(role.id(), row);
    }
    for (Clause clause : policy.allClauses()) {
      ruleFindings(clause, reachedRules);
    }
    for (Consequence consequence : policy.consequences()) {
      if (!reachedConsequences.contains(consequence.id())) {
        findings.add(Finding.builder().severity(Finding.Severity.ERROR).kind(Finding.Kind.UNREACHABLE_CONSEQUENCE)
            .addSubjects(consequence.id())
            .message("consequence '" + consequence.id() + "' can never follow: no role within "
                + String.join(", ", consequence.appliesTo()) + " can breach a rule "
                + (consequence.categories().isEmpty() ? "of the policy" : "in " + String.join(", ", consequence.categories()))
                + (satisfiable(consequence.when()) ? "" : ", and its conditions contradict each other"))
            .build());
      }
    }
    unused();
    findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::kind));
    return CheckReport.builder()
        .policy(policy.id())
        .version(policy.metadata().version())
        .digest(compiled.digest())
        .roles(policy.roles().stream().map(Role::id).toList())
        .categories(policy.breachCategories().stream().map(b -> b.id()).toList())
        .matrix(matrix)
        .findings(findings)
        .build();
  }

  private java.util.Optional<Silence> silence(String category, Map<String, List<String>> reach) {
    for (Silence silence : policy.silent()) {
      if ((silence.categories().isEmpty() || silence.categories().contains(category)) && within(silence.appliesTo(), reach)) {
        return java.util.Optional.of(silence);
      }
    }
    return java.util.Optional.empty();
  }

  private void conflicts(String role, String rule, List<Consequence> answering) {
    // Two musts that cannot both happen, for the same person and breach, in circumstances that
    // can hold together: the policy contradicts itself.
    for (int a = 0; a < answering.size(); a++) {
      for (int b = a + 1; b < answering.size(); b++) {
        Consequence first = answering.get(a);
        Consequence second = answering.get(b);
        boolean exclusive = first.excludes().contains(second.id()) || second.excludes().contains(first.id());
        if (exclusive && first.modality() == Modality.MUST && second.modality() == Modality.MUST
            && satisfiable(concat(first.when(), second.when()))) {
          String key = first.id() + "|" + second.id();
          if (reportedConflicts.add(key)) {
            findings.add(Finding.builder().severity(Finding.Severity.ERROR).kind(Finding.Kind.CONFLICT)
                .addSubjects(first.id(), second.id(), role)
                .message("conflicting musts for a " + role + ": '" + first.id() + "' and '" + second.id()
                    + "' must both follow the same breach, but one excludes the other")
                .example(example(role, rule))
                .build());
          }
        }
      }
    }
  }

  private void ruleFindings(Clause clause, Set<String> reachedRules) {
    if (clause.kind().isRule() && clause.category().isEmpty()) {
      findings.add(Finding.builder().severity(Finding.Severity.WARNING).kind(Finding.Kind.UNBREACHABLE_RULE)
          .addSubjects(clause.id())
          .message(clause.kind().word() + " '" + clause.id() + "' has no breach category, so no incident can breach it")
          .build());
    }
    if (clause.category().isPresent() && !reachedRules.contains(clause.id())) {
      findings.add(Finding.builder().severity(Finding.Severity.ERROR).kind(Finding.Kind.UNREACHABLE_RULE)
          .addSubjects(clause.id())
          .message("rule '" + clause.id() + "' can never be breached: "
              + (satisfiable(clause.when()) ? "no role is within " + String.join(", ", clause.appliesTo())
                  : "its conditions contradict each other"))
          .build());
    }
    for (ClauseException exception : clause.exceptions()) {
      if (!satisfiable(concat(clause.when(), exception.when()))) {
        findings.add(Finding.builder().severity(Finding.Severity.ERROR).kind(Finding.Kind.DEAD_EXCEPTION)
            .addSubjects(exception.id(), clause.id())
            .message("exception '" + exception.id() + "' can never apply: its conditions contradict those of clause '"
                + clause.id() + "'")
            .build());
      }
    }
  }

  private void unused() {
    Set<String> usedFacts = new HashSet<>();
    Set<String> usedAttributes = new HashSet<>();
    List<List<Condition>> all = new ArrayList<>();
    for (Clause clause : policy.allClauses()) {
      all.add(clause.when());
      clause.exceptions().forEach(e -> all.add(e.when()));
    }
    policy.consequences().forEach(c -> {
      all.add(c.when());
      usedFacts.addAll(c.factors());
    });
    for (Clause clause : policy.allClauses()) {
      clause.deems().forEach(d -> {
        all.add(List.of(d.when()));
        usedFacts.add(d.fact());
      });
    }
    for (List<Condition> conditions : all) {
      for (Condition top : conditions) {
        for (Condition condition : top.flatten()) {
          condition.fact().ifPresent(usedFacts::add);
          condition.decision().ifPresent(usedFacts::add);
          condition.attribute().ifPresent(usedAttributes::add);
        }
      }
    }
    policy.roles().forEach(r -> usedAttributes.addAll(r.attributes().keySet()));
    for (var fact : policy.facts()) {
      if (!usedFacts.contains(fact.id())) {
        findings.add(unused("fact", fact.id(), "no clause, exception or consequence tests it"));
      }
    }
    for (var attribute : policy.attributes()) {
      if (!usedAttributes.contains(attribute.id())) {
        findings.add(unused("attribute", attribute.id(), "no role sets it and no condition tests it"));
      }
    }
    Set<String> reachedGroups = new HashSet<>();
    policy.roles().forEach(r -> reachedGroups.addAll(compiled.reachOf(r.id()).keySet()));
    for (var group : policy.groups()) {
      if (!reachedGroups.contains(group.id())) {
        findings.add(unused("group", group.id(), "no role belongs to it"));
      }
    }
  }

  private static Finding unused(String what, String id, String why) {
    return Finding.builder().severity(Finding.Severity.WARNING).kind(Finding.Kind.UNUSED)
        .addSubjects(id).message(what + " '" + id + "' is declared but " + why).build();
  }

  private static Incident example(String role, String clause) {
    return Incident.builder().id("example").person(Person.holding(role)).addClauses(clause).build();
  }

  private static boolean within(List<String> appliesTo, Map<String, List<String>> reach) {
    if (appliesTo.isEmpty()) {
      return true;
    }
    for (String target : appliesTo) {
      if (reach.containsKey(target)) {
        return true;
      }
    }
    return false;
  }

  /** Whether conditions can all hold at once: per fact, the allowed values must overlap. */
  static boolean satisfiable(List<Condition> conditions) {
    Map<String, Set<String>> allowed = new HashMap<>();
    for (Condition condition : conditions) {
      if (!condition.isMembership()) {
        continue; // composites and comparisons are not compared here: assume they can hold
      }
      String key = condition.fact().map(f -> "fact:" + f).orElse("attribute:" + condition.attribute().orElse(""));
      Set<String> values = new LinkedHashSet<>(condition.values());
      Set<String> before = allowed.putIfAbsent(key, values);
      if (before != null) {
        before.retainAll(values);
        if (before.isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Condition> concat(List<Condition> a, List<Condition> b) {
    List<Condition> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The report as text for people: the matrix, then each finding with its example. */
  public static String toText(CheckReport report) {
    return toText(report, java.util.Optional.empty());
  }

  /** The report as text, each finding followed by the paragraphs it concerns as the document numbers them. */
  public static String toText(CheckReport report, Policy policy) {
    return toText(report, java.util.Optional.of(policy.numbering()));
  }

  private static String toText(CheckReport report, java.util.Optional<dev.precept.model.Numbering> numbering) {
    StringBuilder out = new StringBuilder();
    out.append("Check of ").append(report.policy()).append(" version ").append(report.version())
        .append(" (").append(report.digest()).append(")\n\n");
    out.append("Coverage: for each role and breach category, the consequences a breach can lead to\n");
    out.append("(must/may counts; '-' where no rule in the category reaches the role; GAP where a rule does but no consequence follows; 'silent' where the policy says so on purpose)\n\n");
    int width = Math.max(4, report.roles().stream().mapToInt(String::length).max().orElse(4));
    out.append(pad("", width));
    for (int c = 0; c < report.categories().size(); c++) {
      out.append("  ").append(pad("[" + (c + 1) + "]", 12));
    }
    out.append("\n");
    for (String role : report.roles()) {
      out.append(pad(role, width));
      for (String category : report.categories()) {
        CheckReport.Cell cell = report.matrix().get(role).get(category);
        String text;
        if (cell.rules().isEmpty()) {
          text = "-";
        } else if (cell.consequences().isEmpty()) {
          text = cell.silence().isPresent() ? "silent" : "GAP";
        } else {
          long must = cell.consequences().stream().filter(s -> s.endsWith("(must)")).count();
          text = must + " must " + (cell.consequences().size() - must) + " may";
        }
        out.append("  ").append(pad(text, 12));
      }
      out.append("\n");
    }
    out.append("\n");
    for (int c = 0; c < report.categories().size(); c++) {
      out.append("[").append(c + 1).append("] ").append(report.categories().get(c)).append("\n");
    }
    out.append("\n");
    if (report.findings().isEmpty()) {
      out.append("No findings: every role within a rule faces a consequence, nothing conflicts, and everything is reachable.\n");
    }
    for (Finding finding : report.findings()) {
      out.append(finding.severity().name().toLowerCase(java.util.Locale.ROOT)).append(" [")
          .append(finding.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append("]: ")
          .append(finding.message()).append("\n");
      numbering.ifPresent(n -> {
        List<String> paragraphs = finding.subjects().stream().filter(id -> n.number(id).isPresent()).toList();
        if (!paragraphs.isEmpty()) {
          out.append("    concerns ").append(n.citeAll(paragraphs)).append("\n");
        }
      });
      finding.example().ifPresent(e -> out.append("    example incident: {person: {roles: [")
          .append(String.join(", ", e.person().roles())).append("]}, clauses: [")
          .append(String.join(", ", e.clauses())).append("]}\n"));
    }
    long errors = report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long notes = report.findings().stream().filter(f -> f.severity() == Finding.Severity.INFO).count();
    out.append("\n").append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(report.findings().size() - errors - notes).append(" warnings");
    if (notes > 0) {
      out.append(", ").append(notes).append(notes == 1 ? " note" : " notes");
    }
    out.append("\n");
    return out.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

}
