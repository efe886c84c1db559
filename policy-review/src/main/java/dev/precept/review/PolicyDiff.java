package dev.precept.review;

import dev.precept.approval.ApprovalCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Evaluator;
import dev.precept.eval.PolicyCase;
import dev.precept.eval.Ruling;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Section;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two editions of a policy: clause by clause (matched by id), and everything else field
 * by field, each change marked substantive or editorial.
 *
 * <pre>{@code
 * ChangeSummary summary = PolicyDiff.between(approved2016, draft2017, cases);
 * }</pre>
 */
public final class PolicyDiff {
  private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}'’-]+|[^\\s\\p{L}\\p{N}]");

  private final Policy before;
  private final Policy after;
  private final List<Change> changes = new ArrayList<>();

  private PolicyDiff(Policy before, Policy after) {
    this.before = before;
    this.after = after;
  }

  /** The changes from {@code before} to {@code after}, with no rulings compared. */
  /**
   * What changed from an earlier edition to this one, in a phrase for an out-of-date approval:
   * "5 clauses changed since (version 2016.1 to 2017.1, 12 substantive changes in all)". Pass it
   * to {@code ApprovalCheck.verify} as its {@code changesSince}.
   */
  public static String describeSince(Policy earlier, Policy current) {
    ChangeSummary changes = between(earlier, current);
    long clauses = changes.changes().stream().filter(c -> c.substantive() && c.area().equals("clause"))
        .map(Change::subject).distinct().count();
    return clauses + (clauses == 1 ? " clause" : " clauses") + " changed since (version " + earlier.metadata().version()
        + " to " + current.metadata().version() + ", " + changes.substantiveCount() + " substantive changes in all)";
  }

  public static ChangeSummary between(Policy before, Policy after) {
    return between(before, after, List.of());
  }

  /**
   * The changes from {@code before} to {@code after}, and the cases whose ruling differs between
   * them.
   */
  public static ChangeSummary between(Policy before, Policy after, List<PolicyCase> cases) {
    PolicyDiff diff = new PolicyDiff(before, after);
    diff.metadata();
    diff.byId("role", Policy::roles, r -> r.id());
    diff.byId("group", Policy::groups, g -> g.id());
    diff.byId("office", Policy::offices, o -> o.id());
    diff.byId("attribute", Policy::attributes, a -> a.id());
    diff.byId("fact", Policy::facts, f -> f.id());
    diff.byId("breach category", Policy::breachCategories, b -> b.id());
    diff.byId("instrument", Policy::instruments, i -> i.id());
    diff.sections();
    diff.clauses();
    diff.byId("consequence", Policy::consequences, c -> c.id());
    return ImmutableChangeSummary.builder()
        .policy(after.id())
        .oldVersion(before.metadata().version())
        .newVersion(after.metadata().version())
        .oldDigest(PolicyDigest.of(before).toString())
        .newDigest(PolicyDigest.of(after).toString())
        .changes(diff.changes)
        .rulingChanges(rulingChanges(before, after, cases))
        .build();
  }

  private void metadata() {
    JsonNode old = PolicyYaml.toTree(before.metadata());
    JsonNode now = PolicyYaml.toTree(after.metadata());
    Set<String> fields = new LinkedHashSet<>();
    old.fieldNames().forEachRemaining(fields::add);
    now.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode a = old.path(field);
      JsonNode b = now.path(field);
      if (!a.equals(b)) {
        // Titles and dates change what the Board signs; the revision log only records it.
        boolean substantive = !field.equals("revisions");
        changes.add(ImmutableChange.builder().kind(Change.Kind.CHANGED).area("metadata").subject(field)
            .substantive(substantive)
            .description(field + " changed from " + show(a) + " to " + show(b))
            .before(Optional.of(show(a))).after(Optional.of(show(b))).build());
      }
    }
  }

  private <T> void byId(String area, Function<Policy, List<T>> list, Function<T, String> id) {
    Map<String, T> old = index(list.apply(before), id);
    Map<String, T> now = index(list.apply(after), id);
    for (Map.Entry<String, T> entry : old.entrySet()) {
      if (!now.containsKey(entry.getKey())) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.REMOVED).area(area).subject(entry.getKey())
            .substantive(true).description(area + " '" + entry.getKey() + "' removed")
            .before(Optional.of(show(PolicyYaml.toTree(entry.getValue())))).build());
      }
    }
    for (Map.Entry<String, T> entry : now.entrySet()) {
      T previous = old.get(entry.getKey());
      if (previous == null) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.ADDED).area(area).subject(entry.getKey())
            .substantive(true).description(area + " '" + entry.getKey() + "' added")
            .after(Optional.of(show(PolicyYaml.toTree(entry.getValue())))).build());
      } else if (!previous.equals(entry.getValue())) {
        fields(area, entry.getKey(), PolicyYaml.toTree(previous), PolicyYaml.toTree(entry.getValue()), Set.of());
      }
    }
  }

  private void fields(String area, String id, JsonNode old, JsonNode now, Set<String> skip) {
    Set<String> names = new LinkedHashSet<>();
    old.fieldNames().forEachRemaining(names::add);
    now.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (skip.contains(name)) {
        continue;
      }
      JsonNode a = old.path(name);
      JsonNode b = now.path(name);
      if (a.equals(b)) {
        continue;
      }
      boolean wordsOnly = a.isTextual() && b.isTextual();
      if (wordsOnly && (name.equals("title") || name.equals("action") || name.equals("text") || name.equals("description"))) {
        changes.add(reworded(area, id, name, a.asText(), b.asText()));
        continue;
      }
      changes.add(ImmutableChange.builder().kind(Change.Kind.CHANGED).area(area).subject(id)
          .substantive(!name.equals("runOn"))
          .description(area + " '" + id + "': " + name + " changed from " + show(a) + " to " + show(b))
          .before(Optional.of(show(a))).after(Optional.of(show(b))).build());
    }
  }

  private void sections() {
    List<String> oldOrder = before.sections().stream().map(Section::id).toList();
    List<String> newOrder = after.sections().stream().map(Section::id).toList();
    Map<String, Section> old = index(before.sections(), Section::id);
    Map<String, Section> now = index(after.sections(), Section::id);
    old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id -> changes.add(ImmutableChange.builder()
        .kind(Change.Kind.REMOVED).area("section").subject(id).substantive(true)
        .description("section '" + old.get(id).title() + "' removed").build()));
    Set<String> moved = moved(oldOrder.stream().filter(now::containsKey).toList(), newOrder.stream().filter(old::containsKey).toList());
    for (int i = 0; i < newOrder.size(); i++) {
      String id = newOrder.get(i);
      Section section = now.get(id);
      if (!old.containsKey(id)) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.ADDED).area("section").subject(id).substantive(true)
            .description("section " + (i + 1) + " '" + section.title() + "' added").build());
        continue;
      }
      if (moved.contains(id)) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.MOVED).area("section").subject(id).substantive(false)
            .description("section '" + section.title() + "' moved from " + (oldOrder.indexOf(id) + 1) + " to " + (i + 1)).build());
      }
      if (!old.get(id).title().equals(section.title())) {
        changes.add(reworded("section", id, "title", old.get(id).title(), section.title()));
      }
    }
  }

  private void clauses() {
    Map<String, Clause> old = index(before.allClauses(), Clause::id);
    Map<String, Clause> now = index(after.allClauses(), Clause::id);
    for (Clause clause : before.allClauses()) {
      if (!now.containsKey(clause.id())) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.REMOVED).area("clause").subject(clause.id()).substantive(true)
            .description("clause '" + clause.id() + "' removed").before(Optional.of(clause.text())).build());
      }
    }
    Set<String> moved = moved(
        before.allClauses().stream().map(Clause::id).filter(now::containsKey).toList(),
        after.allClauses().stream().map(Clause::id).filter(old::containsKey).toList());
    for (Clause clause : after.allClauses()) {
      Clause previous = old.get(clause.id());
      String where = sectionTitle(after, clause.id());
      if (previous == null) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.ADDED).area("clause").subject(clause.id()).substantive(true)
            .description("clause '" + clause.id() + "' added in " + where).after(Optional.of(clause.text())).build());
        continue;
      }
      String was = sectionTitle(before, clause.id());
      if (!was.equals(where) || moved.contains(clause.id())) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.MOVED).area("clause").subject(clause.id()).substantive(false)
            .description("clause '" + clause.id() + "' moved" + (was.equals(where) ? " within " + where : " from " + was + " to " + where))
            .build());
      }
      if (!previous.text().equals(clause.text())) {
        changes.add(reworded("clause", clause.id(), "text", previous.text(), clause.text()));
      }
      exceptions(clause, previous);
      fields("clause", clause.id(), PolicyYaml.toTree(previous), PolicyYaml.toTree(clause), Set.of("text", "items", "exceptions"));
    }
  }

  private void exceptions(Clause clause, Clause previous) {
    Map<String, ClauseException> old = index(previous.exceptions(), ClauseException::id);
    Map<String, ClauseException> now = index(clause.exceptions(), ClauseException::id);
    old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id -> changes.add(ImmutableChange.builder()
        .kind(Change.Kind.REMOVED).area("exception").subject(id).substantive(true)
        .description("exception '" + id + "' to clause '" + clause.id() + "' removed").build()));
    for (ClauseException exception : clause.exceptions()) {
      ClauseException was = old.get(exception.id());
      if (was == null) {
        changes.add(ImmutableChange.builder().kind(Change.Kind.ADDED).area("exception").subject(exception.id()).substantive(true)
            .description("exception '" + exception.id() + "' to clause '" + clause.id() + "' added").after(Optional.of(exception.text())).build());
      } else if (!was.equals(exception)) {
        fields("exception", exception.id(), PolicyYaml.toTree(was), PolicyYaml.toTree(exception), Set.of());
      }
    }
  }

  /** Ids whose relative order changed: those outside the longest common ordering. */
  private static Set<String> moved(List<String> old, List<String> now) {
    Set<String> moved = new LinkedHashSet<>();
    Patch<String> patch = DiffUtils.diff(old, now);
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      moved.addAll(delta.getTarget().getLines());
    }
    return moved;
  }

  static Change reworded(String area, String id, String field, String old, String now) {
    List<Change.Segment> redline = redline(old, now);
    boolean substantive = !normalised(old).equals(normalised(now));
    return ImmutableChange.builder().kind(Change.Kind.REWORDED).area(area).subject(id).substantive(substantive)
        .description(area + " '" + id + "' " + (field.equals("text") ? "" : field + " ") + "reworded"
            + (substantive ? "" : " (whitespace or punctuation only)"))
        .before(Optional.of(old)).after(Optional.of(now)).redline(redline).build();
  }

  /** A word-level redline: runs of kept, deleted and inserted words. */
  static List<Change.Segment> redline(String old, String now) {
    List<String> a = tokens(old);
    List<String> b = tokens(now);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Change.Segment> segments = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int position = delta.getSource().getPosition();
      add(segments, Change.Segment.Kind.SAME, String.join("", a.subList(at, position)));
      add(segments, Change.Segment.Kind.DELETED, String.join("", delta.getSource().getLines()));
      add(segments, Change.Segment.Kind.INSERTED, String.join("", delta.getTarget().getLines()));
      at = position + delta.getSource().size();
    }
    add(segments, Change.Segment.Kind.SAME, String.join("", a.subList(at, a.size())));
    return foldSpaces(segments);
  }

  /**
   * Joins changes separated only by a space, so a replaced phrase reads as one deletion and one
   * insertion ("[-Computing -]{+Online Safety +}Lead") rather than alternating words.
   */
  private static List<Change.Segment> foldSpaces(List<Change.Segment> segments) {
    List<Change.Segment> out = new ArrayList<>();
    StringBuilder deleted = new StringBuilder();
    StringBuilder inserted = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      Change.Segment segment = segments.get(i);
      boolean between = segment.kind() == Change.Segment.Kind.SAME && segment.text().isBlank()
          && (deleted.length() > 0 || inserted.length() > 0)
          && i + 1 < segments.size() && segments.get(i + 1).kind() != Change.Segment.Kind.SAME;
      if (segment.kind() == Change.Segment.Kind.DELETED) {
        deleted.append(segment.text());
      } else if (segment.kind() == Change.Segment.Kind.INSERTED) {
        inserted.append(segment.text());
      } else if (between) {
        if (deleted.length() > 0) {
          deleted.append(segment.text());
        }
        if (inserted.length() > 0) {
          inserted.append(segment.text());
        }
      } else {
        flush(out, deleted, inserted);
        out.add(segment);
      }
    }
    flush(out, deleted, inserted);
    return out;
  }

  private static void flush(List<Change.Segment> out, StringBuilder deleted, StringBuilder inserted) {
    if (deleted.length() > 0) {
      out.add(ImmutableSegment.of(Change.Segment.Kind.DELETED, deleted.toString()));
    }
    if (inserted.length() > 0) {
      out.add(ImmutableSegment.of(Change.Segment.Kind.INSERTED, inserted.toString()));
    }
    deleted.setLength(0);
    inserted.setLength(0);
  }

  private static void add(List<Change.Segment> segments, Change.Segment.Kind kind, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
      Change.Segment last = segments.remove(segments.size() - 1);
      segments.add(ImmutableSegment.of(kind, last.text() + text));
    } else {
      segments.add(ImmutableSegment.of(kind, text));
    }
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      String token = matcher.group();
      tokens.add(token.isBlank() ? " " : token);
    }
    return tokens;
  }

  /** The text with whitespace and punctuation removed: equal means an editorial change. */
  static String normalised(String text) {
    return text.replaceAll("[\\s\\p{Punct}’‘“”–—]+", "");
  }

  private static List<RulingChange> rulingChanges(Policy before, Policy after, List<PolicyCase> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    Evaluator old = Evaluator.of(before);
    Evaluator now = Evaluator.of(after);
    List<RulingChange> changed = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (PolicyCase policyCase : cases) {
      if (!seen.add(policyCase.incident().id())) {
        continue;
      }
      List<String> was = summary(old.ruleAcrossEditions(policyCase.incident()));
      List<String> is = summary(now.ruleAcrossEditions(policyCase.incident()));
      if (!was.equals(is)) {
        changed.add(ImmutableRulingChange.builder().incident(policyCase.incident().id()).name(policyCase.name())
            .before(was).after(is).build());
      }
    }
    return changed;
  }

  /**
   * A ruling reduced to what a decision-maker acts on. Outcomes are listed by clause id, so a
   * clause moved in the document does not count as a different ruling.
   */
  static List<String> summary(Ruling ruling) {
    List<String> lines = new ArrayList<>();
    ruling.clauses().stream().sorted(java.util.Comparator.comparing(ClauseRuling::clause))
        .forEach(clause -> lines.add(clause.clause() + ": " + clause.outcome().word()));
    for (ConsequenceRuling consequence : ruling.consequences()) {
      lines.add(consequence.modality().word() + ": " + consequence.statement()
          + (consequence.status() == ConsequenceRuling.Status.CONDITIONAL ? " (only if " + String.join(" and ", consequence.dependsOn()) + ")" : ""));
    }
    ruling.unspecified().forEach(u -> lines.add("no consequence specified for " + u));
    ruling.diagnostics().forEach(d -> lines.add("cannot rule: " + d));
    return lines;
  }

  private static String sectionTitle(Policy policy, String clauseId) {
    List<Section> sections = policy.sections();
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      for (Clause clause : section.clauses()) {
        if (clause.id().equals(clauseId) || clause.items().stream().anyMatch(c -> c.id().equals(clauseId))) {
          return "section " + (i + 1) + " (" + section.title() + ")";
        }
      }
    }
    return "no section";
  }

  private static String show(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "(none)";
    }
    return node.isTextual() ? "'" + node.asText() + "'" : node.toString();
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      map.putIfAbsent(id.apply(item), item);
    }
    return map;
  }

  /** The summary as text: one line per change, redlines as [-deleted-]{+inserted+}, then rulings. */
  public static String toText(ChangeSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append("Changes to ").append(summary.policy()).append(" from version ").append(summary.oldVersion())
        .append(" to ").append(summary.newVersion()).append("\n")
        .append("  ").append(summary.oldDigest()).append("\n  ").append(summary.newDigest()).append("\n\n");
    out.append(summary.changes().size()).append(" changes, ").append(summary.substantiveCount()).append(" substantive\n\n");
    for (Change change : summary.changes()) {
      out.append(change.substantive() ? "* " : "  ").append(change.description()).append("\n");
      if (!change.redline().isEmpty()) {
        StringBuilder line = new StringBuilder();
        for (Change.Segment segment : change.redline()) {
          switch (segment.kind()) {
            case SAME -> line.append(segment.text());
            case DELETED -> line.append("[-").append(segment.text()).append("-]");
            case INSERTED -> line.append("{+").append(segment.text()).append("+}");
          }
        }
        out.append("    ").append(line).append("\n");
      }
    }
    out.append("\n(* substantive; the others change only whitespace, punctuation, layout or the revision log)\n");
    if (!summary.rulingChanges().isEmpty()) {
      out.append("\nRulings that change (").append(summary.rulingChanges().size()).append("):\n");
      for (RulingChange change : summary.rulingChanges()) {
        out.append("\n").append(change.incident()).append(": ").append(change.name()).append("\n");
        Patch<String> patch = DiffUtils.diff(change.before(), change.after());
        for (AbstractDelta<String> delta : patch.getDeltas()) {
          delta.getSource().getLines().forEach(l -> out.append("  - ").append(l).append("\n"));
          delta.getTarget().getLines().forEach(l -> out.append("  + ").append(l).append("\n"));
        }
      }
    }
    return out.toString();
  }

}
