package dev.precept.review;

import org.apiguardian.api.API;

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
import dev.precept.model.Numbering;
import dev.precept.model.ClauseException;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Section;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
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
@API(status = API.Status.STABLE, since = "0.2")
public final class PolicyDiff {
  private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}'’-]+|[^\\s\\p{L}\\p{N}]");

  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Policy before;
  private final Policy after;
  private final Numbering oldNumbers;
  private final Numbering newNumbers;
  private final List<Change> changes = new ArrayList<>();

  private PolicyDiff(Policy before, Policy after) {
    this.before = before;
    this.after = after;
    this.oldNumbers = before.numbering();
    this.newNumbers = after.numbering();
  }

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

  /** Said in place of the rulings that change when neither edition has cases to rule on. */
  static final String NO_CASES = "Neither edition has cases beside it (POLICY.cases.yaml), so no rulings were compared:"
      + " add cases to show the Board which rulings change.";

  /** The changes from {@code before} to {@code after}, with no rulings compared. */
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
    diff.byId("role", Policy::roles, r -> r.id(), (p, r) -> "the role " + r.title());
    diff.byId("group", Policy::groups, g -> g.id(), (p, g) -> "the group '" + g.title() + "'");
    diff.byId("office", Policy::offices, o -> o.id(), (p, o) -> "the office " + o.title());
    diff.byId("attribute", Policy::attributes, a -> a.id(), (p, a) -> "the attribute '" + a.id() + "'");
    diff.byId("fact", Policy::facts, f -> f.id(), (p, f) -> "the fact '" + f.id() + "'");
    diff.byId("breach category", Policy::breachCategories, b -> b.id(), (p, b) -> "the breach category '" + b.title() + "'");
    diff.byId("instrument", Policy::instruments, i -> i.id(), (p, i) -> "the instrument " + i.title());
    diff.sections();
    diff.clauses();
    diff.byId("consequence", Policy::consequences, c -> c.id(), (p, c) -> "the consequence \u201c" + sentence(p, c)
        + "\u201d (" + p.numbering().cite(c.clause()) + ")");
    return ChangeSummary.builder()
        .policy(after.id())
        .oldVersion(before.metadata().version())
        .newVersion(after.metadata().version())
        .oldDigest(PolicyDigest.of(before).toString())
        .newDigest(PolicyDigest.of(after).toString())
        .changes(diff.changes)
        .rulingChanges(rulingChanges(before, after, cases))
        .casesCompared(cases.size())
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
      if (a.equals(b)) {
        continue;
      }
      switch (field) {
        case "revisions" -> revisions(a, b);
        case "dates", "approval" -> {
          Set<String> parts = new LinkedHashSet<>();
          a.fieldNames().forEachRemaining(parts::add);
          b.fieldNames().forEachRemaining(parts::add);
          for (String part : parts) {
            if (!a.path(part).equals(b.path(part))) {
              // The approval date records the approval; it is not part of what is approved.
              boolean substantive = !(field.equals("dates") && part.equals("approved"));
              String what = switch (field + "." + part) {
                case "dates.drafted" -> "The date of the edition";
                case "dates.approved" -> "The date of approval";
                case "dates.effective" -> "The date it takes effect";
                case "approval.body" -> "The approving body";
                case "approval.due" -> "The date approval is due";
                default -> "The " + field + " " + part;
              };
              metadataChange(field + "." + part, substantive, what, words(field + "." + part, a.path(part), before),
                  words(field + "." + part, b.path(part), after));
            }
          }
        }
        // The status records where the edition stands in its approval; it is not part of what is approved.
        case "status" -> metadataChange(field, false, "The status", a.asText(), b.asText());
        default -> metadataChange(field, true, "The " + switch (field) {
          case "shortTitle" -> "short title";
          case "reviewFrequency" -> "review period";
          default -> field;
        }, words(field, a, before), words(field, b, after));
      }
    }
  }

  private void metadataChange(String subject, boolean substantive, String what, String was, String is) {
    String description = was.isEmpty() ? what + " is now " + is
        : is.isEmpty() ? what + " is no longer given (it was " + was + ")"
        : what + " changed from " + was + " to " + is;
    Change.Builder change = Change.builder().kind(Change.Kind.CHANGED).area("metadata").subject(subject)
        .substantive(substantive).description(description);
    if (!was.isEmpty()) {
      change.before(was);
    }
    if (!is.isEmpty()) {
      change.after(is);
    }
    changes.add(change.build());
  }

  /** Each revision added, removed or changed, as a sentence. The revision log is not substance. */
  private void revisions(JsonNode old, JsonNode now) {
    Map<String, JsonNode> was = new LinkedHashMap<>();
    old.forEach(r -> was.put(r.path("version").asText(), r));
    Map<String, JsonNode> is = new LinkedHashMap<>();
    now.forEach(r -> is.put(r.path("version").asText(), r));
    was.forEach((version, revision) -> {
      if (!is.containsKey(version)) {
        changes.add(Change.builder().kind(Change.Kind.REMOVED).area("metadata").subject("revisions").substantive(false)
            .description("The revision history no longer lists " + revision(revision)).before(revision.path("summary").asText()).build());
      }
    });
    is.forEach((version, revision) -> {
      JsonNode previous = was.get(version);
      if (previous == null) {
        changes.add(Change.builder().kind(Change.Kind.ADDED).area("metadata").subject("revisions").substantive(false)
            .description("The revision history adds " + revision(revision)).after(revision.path("summary").asText()).build());
      } else if (!previous.equals(revision)) {
        changes.add(Change.builder().kind(Change.Kind.CHANGED).area("metadata").subject("revisions").substantive(false)
            .description("The revision history's entry for version " + version + " now reads: " + revision(revision))
            .before(previous.path("summary").asText()).after(revision.path("summary").asText()).build());
      }
    });
  }

  private static String revision(JsonNode revision) {
    return "version " + revision.path("version").asText() + " of " + date(revision.path("date").asText())
        + ": \u201c" + revision.path("summary").asText() + "\u201d";
  }

  /** A metadata value in words: dates as dates, periods in days, months or years, offices by title. */
  private static String words(String field, JsonNode value, Policy policy) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (field.startsWith("dates.") || field.equals("approval.due")) {
      return date(value.asText());
    }
    if (field.equals("reviewFrequency")) {
      return period(java.time.Period.parse(value.asText()));
    }
    if (field.equals("approval.body")) {
      return dev.precept.model.Office.withArticle(policy.office(value.asText()).map(o -> o.formalOrTitle()).orElse(value.asText()));
    }
    if (field.equals("signatories")) {
      List<String> titles = new ArrayList<>();
      value.forEach(s -> titles.add(policy.office(s.path("office").asText()).map(o -> o.title()).orElse(s.path("office").asText())));
      return titles.isEmpty() ? "" : String.join(", ", titles.subList(0, titles.size() - 1))
          + (titles.size() > 1 ? " and " : "") + titles.get(titles.size() - 1);
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** An ISO date as the Board writes it: "1 September 2017". */
  static String date(String iso) {
    try {
      return java.time.LocalDate.parse(iso).format(DAY_MONTH_YEAR);
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** A period in words: "1 year", "6 months", "60 days", "1 year and 6 months". */
  static String period(java.time.Period period) {
    return dev.precept.model.Wording.period(period);
  }

  /** A consequence as the sentence a ruling gives it: "The Board of Directors must take appropriate action." */
  static String sentence(Policy policy, dev.precept.model.Consequence consequence) {
    String subject = consequence.actor().flatMap(policy::office).map(dev.precept.model.Office::asSubject).orElse("The breach");
    return subject + " " + consequence.modality().word() + " " + consequence.action().strip() + ".";
  }

  private <T> void byId(String area, Function<Policy, List<T>> list, Function<T, String> id, BiFunction<Policy, T, String> label) {
    Map<String, T> old = index(list.apply(before), id);
    Map<String, T> now = index(list.apply(after), id);
    for (Map.Entry<String, T> entry : old.entrySet()) {
      if (!now.containsKey(entry.getKey())) {
        changes.add(Change.builder().kind(Change.Kind.REMOVED).area(area).subject(entry.getKey())
            .substantive(true).description(capitalise(label.apply(before, entry.getValue())) + " removed")
            .before(Optional.of(show(PolicyYaml.toTree(entry.getValue())))).build());
      }
    }
    for (Map.Entry<String, T> entry : now.entrySet()) {
      T previous = old.get(entry.getKey());
      if (previous == null) {
        changes.add(Change.builder().kind(Change.Kind.ADDED).area(area).subject(entry.getKey())
            .substantive(true).description(capitalise(label.apply(after, entry.getValue())) + " added")
            .after(Optional.of(show(PolicyYaml.toTree(entry.getValue())))).build());
      } else if (!previous.equals(entry.getValue())) {
        fields(area, entry.getKey(), label.apply(before, previous), PolicyYaml.toTree(previous), PolicyYaml.toTree(entry.getValue()), Set.of());
      }
    }
  }

  private void fields(String area, String id, String label, JsonNode old, JsonNode now, Set<String> skip) {
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
        changes.add(reworded(area, id, name.equals("text") ? label : label + "'s " + name, a.asText(), b.asText()));
        continue;
      }
      String field = switch (name) {
        case "appliesTo" -> "who it applies to";
        case "category" -> "its breach category";
        case "categories" -> "the breaches it answers to";
        case "when" -> "its conditions";
        case "references" -> "the instruments it refers to";
        case "offices" -> "the offices it names";
        case "forms" -> "the forms permission may take";
        case "timing" -> "when permission must be given";
        case "office" -> "the office that gives permission";
        case "runOn" -> "whether it runs on from the paragraph before";
        case "memberOf" -> "the groups it belongs to";
        default -> "its " + name;
      };
      // An exception that names no forms of permission accepts any form.
      String was = name.equals("forms") && show(a).equals("(none)") ? "any form" : show(a);
      String is = name.equals("forms") && show(b).equals("(none)") ? "any form" : show(b);
      changes.add(Change.builder().kind(Change.Kind.CHANGED).area(area).subject(id)
          .substantive(!name.equals("runOn"))
          .description(capitalise(label) + ": " + field + " changed from " + was + " to " + is)
          .before(Optional.of(was)).after(Optional.of(is)).build());
    }
  }

  private void sections() {
    List<String> oldOrder = before.sectionsAndAppendices().stream().map(Section::id).toList();
    List<String> newOrder = after.sectionsAndAppendices().stream().map(Section::id).toList();
    Map<String, Section> old = index(before.sectionsAndAppendices(), Section::id);
    Map<String, Section> now = index(after.sectionsAndAppendices(), Section::id);
    old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id -> changes.add(Change.builder()
        .kind(Change.Kind.REMOVED).area("section").subject(id).substantive(true)
        .description(capitalise(oldNumbers.citeSection(id)) + " of version " + before.metadata().version()
            + " (" + old.get(id).title() + ") removed").build()));
    Set<String> moved = moved(oldOrder.stream().filter(now::containsKey).toList(), newOrder.stream().filter(old::containsKey).toList());
    for (String id : newOrder) {
      Section section = now.get(id);
      if (!old.containsKey(id)) {
        changes.add(Change.builder().kind(Change.Kind.ADDED).area("section").subject(id).substantive(true)
            .description(capitalise(newNumbers.citeSection(id)) + " (" + section.title() + ") added").build());
        continue;
      }
      if (moved.contains(id)) {
        changes.add(Change.builder().kind(Change.Kind.MOVED).area("section").subject(id).substantive(false)
            .description(capitalise(oldNumbers.citeSection(id)) + " (" + section.title() + ") is now " + newNumbers.citeSection(id)).build());
      }
      if (!old.get(id).title().equals(section.title())) {
        changes.add(reworded("section", id, "the title of " + newNumbers.citeSection(id), old.get(id).title(), section.title()));
      }
    }
  }

  private void clauses() {
    Map<String, Clause> old = index(before.allClauses(), Clause::id);
    Map<String, Clause> now = index(after.allClauses(), Clause::id);
    for (Clause clause : before.allClauses()) {
      if (!now.containsKey(clause.id())) {
        changes.add(Change.builder().kind(Change.Kind.REMOVED).area("clause").subject(clause.id()).substantive(true)
            .description(capitalise(oldNumbers.cite(clause.id())) + " of version " + before.metadata().version() + " removed")
            .before(Optional.of(clause.text().strip())).build());
      }
    }
    Set<String> moved = moved(
        before.allClauses().stream().map(Clause::id).filter(now::containsKey).toList(),
        after.allClauses().stream().map(Clause::id).filter(old::containsKey).toList());
    // Paragraphs that only take a new number because others came or went: one line for them all.
    Map<String, String> renumbered = new LinkedHashMap<>();
    for (Clause clause : after.allClauses()) {
      Clause previous = old.get(clause.id());
      String where = sectionTitle(after, newNumbers, clause.id());
      String cited = newNumbers.cite(clause.id());
      if (previous == null) {
        changes.add(Change.builder().kind(Change.Kind.ADDED).area("clause").subject(clause.id()).substantive(true)
            .description(capitalise(cited) + " added in " + where).after(Optional.of(clause.text().strip())).build());
        continue;
      }
      String was = sectionTitle(before, oldNumbers, clause.id());
      String wasCited = oldNumbers.cite(clause.id());
      if (!was.equals(where) || moved.contains(clause.id())) {
        String how = !was.equals(where) ? "moved from " + was + " to " + where : "moved within " + where;
        changes.add(Change.builder().kind(Change.Kind.MOVED).area("clause").subject(clause.id()).substantive(false)
            .description(wasCited.equals(cited) ? capitalise(cited) + " " + how
                : capitalise(wasCited) + " of version " + before.metadata().version() + " is now " + cited + " (" + how + ")")
            .build());
      } else if (!wasCited.equals(cited)) {
        renumbered.putIfAbsent(wasCited, cited);
      }
      if (!previous.text().equals(clause.text())) {
        changes.add(reworded("clause", clause.id(), cited, previous.text(), clause.text()));
      }
      exceptions(clause, previous, cited);
      fields("clause", clause.id(), cited, PolicyYaml.toTree(previous), PolicyYaml.toTree(clause), Set.of("text", "items", "exceptions"));
    }
    if (!renumbered.isEmpty()) {
      List<String> pairs = renumbered.entrySet().stream()
          .map(e -> e.getKey().substring("paragraph ".length()) + " to " + e.getValue().substring("paragraph ".length())).toList();
      changes.add(Change.builder().kind(Change.Kind.MOVED).area("numbering").subject("paragraphs").substantive(false)
          .description("Paragraphs renumbered as others were added, moved or removed: " + String.join(", ", pairs)).build());
    }
  }

  private void exceptions(Clause clause, Clause previous, String cited) {
    Map<String, ClauseException> old = index(previous.exceptions(), ClauseException::id);
    Map<String, ClauseException> now = index(clause.exceptions(), ClauseException::id);
    old.values().stream().filter(e -> !now.containsKey(e.id())).forEach(e -> changes.add(Change.builder()
        .kind(Change.Kind.REMOVED).area("exception").subject(e.id()).substantive(true)
        .description(capitalise(cited) + " loses an exception: \u201c" + e.text().strip() + "\u201d").before(e.text().strip()).build()));
    for (ClauseException exception : clause.exceptions()) {
      ClauseException was = old.get(exception.id());
      if (was == null) {
        changes.add(Change.builder().kind(Change.Kind.ADDED).area("exception").subject(exception.id()).substantive(true)
            .description(capitalise(cited) + " gains an exception: \u201c" + exception.text().strip() + "\u201d")
            .after(Optional.of(exception.text().strip())).build());
      } else if (!was.equals(exception)) {
        fields("exception", exception.id(), "the exception to " + cited, PolicyYaml.toTree(was), PolicyYaml.toTree(exception), Set.of());
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

  static Change reworded(String area, String id, String label, String old, String now) {
    List<Change.Segment> redline = redline(old, now);
    boolean substantive = !normalised(old).equals(normalised(now));
    return Change.builder().kind(Change.Kind.REWORDED).area(area).subject(id).substantive(substantive)
        .description(capitalise(label) + " reworded" + (substantive ? "" : " (whitespace or punctuation only)"))
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
        // The space is in both editions: both sides keep it, so each still reads as written
        // ("[-Trust -]{+University +}community", never "Universitycommunity").
        deleted.append(segment.text());
        inserted.append(segment.text());
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
      Ruling oldRuling = old.ruleAcrossEditions(policyCase.incident());
      Ruling newRuling = now.ruleAcrossEditions(policyCase.incident());
      List<String> was = summary(oldRuling);
      List<String> is = summary(newRuling);
      if (!was.equals(is)) {
        changed.add(RulingChange.builder().incident(policyCase.incident().id()).name(policyCase.name())
            .before(was).after(is)
            .citedBefore(forPeople(oldRuling, citing(before))).citedAfter(forPeople(newRuling, citing(after))).build());
      }
    }
    return changed;
  }

  /**
   * A ruling reduced to what a decision-maker acts on. Outcomes are listed by clause id, so a
   * clause moved in the document does not count as a different ruling.
   */
  static List<String> summary(Ruling ruling) {
    return summary(ruling, UnaryOperator.identity());
  }

  /** Cites a clause by its paragraph in this edition, "paragraph 1.4". */
  static UnaryOperator<String> citing(Policy policy) {
    Numbering numbering = policy.numbering();
    return numbering::cite;
  }

  /** {@link #summary(Ruling)} with each clause cited by {@code cite}; the lines in the same order. */
  static List<String> summary(Ruling ruling, UnaryOperator<String> cite) {
    return summary(ruling, cite, dev.precept.eval.Outcome::word);
  }

  private static List<String> summary(Ruling ruling, UnaryOperator<String> cite,
      java.util.function.Function<dev.precept.eval.Outcome, String> words) {
    List<String> lines = new ArrayList<>();
    ruling.clauses().stream().sorted(java.util.Comparator.comparing(ClauseRuling::clause))
        .forEach(clause -> lines.add(cite.apply(clause.clause()) + ": " + words.apply(clause.outcome())));
    for (ConsequenceRuling consequence : ruling.consequences()) {
      lines.add(consequence.modality().word() + ": " + consequence.statement()
          + (consequence.status() == ConsequenceRuling.Status.CONDITIONAL
              ? " (only if " + consequence.dependsOn().stream().map(d -> citingBreach(d, cite)).collect(Collectors.joining(" and ")) + ")" : ""));
    }
    ruling.unspecified().forEach(u -> lines.add("no consequence specified for " + cite.apply(u)));
    ruling.diagnostics().forEach(d -> lines.add("cannot rule: " + d));
    return lines;
  }

  /** {@link #summary(Ruling, UnaryOperator)} for people: a rule this edition does not have is said so, not named by its id. */
  static List<String> forPeople(Ruling ruling, UnaryOperator<String> cite) {
    List<String> lines = new ArrayList<>(summary(ruling, cite, PolicyDiff::inWords));
    lines.replaceAll(line -> UNKNOWN_CLAUSE.matcher(line).matches() ? "cannot rule: this edition has no such paragraph" : line);
    return lines;
  }

  /** An outcome as the Board reads it: "does not apply", not "not-applicable". */
  static String inWords(dev.precept.eval.Outcome outcome) {
    return switch (outcome) {
      case BREACHED -> "breached";
      case EXCUSED -> "excused";
      case NOT_APPLICABLE -> "does not apply";
      case UNDETERMINED -> "cannot be decided from what the incident records";
      case COMPLIED -> "complied with";
    };
  }

  private static final String BREACHED = " is found to have been breached";
  private static final java.util.regex.Pattern UNKNOWN_CLAUSE = java.util.regex.Pattern.compile("cannot rule: unknown clause '[^']*': not in policy .*");

  /** "principles.working-hours-access is found to have been breached" as "paragraph 1.4 is found to have been breached". */
  private static String citingBreach(String condition, UnaryOperator<String> cite) {
    return condition.endsWith(BREACHED) ? cite.apply(condition.substring(0, condition.length() - BREACHED.length())) + BREACHED : condition;
  }

  private static String sectionTitle(Policy policy, Numbering numbering, String clauseId) {
    return policy.sectionOf(clauseId).map(s -> numbering.citeSection(s.id()) + " (" + s.title() + ")").orElse("no section");
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String show(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "(none)";
    }
    if (node.isArray() && java.util.stream.StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode)) {
      List<String> values = new ArrayList<>();
      node.forEach(v -> values.add(v.asText()));
      return values.isEmpty() ? "(none)" : String.join(", ", values);
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

  /**
   * The summary as text for people: a sentence per change, the words of an added or removed
   * paragraph, redlines as [-deleted-]{+inserted+}, then the rulings that change.
   */
  public static String toText(ChangeSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append("Changes to ").append(summary.policy()).append(" from version ").append(summary.oldVersion())
        .append(" to ").append(summary.newVersion()).append("\n")
        .append("  ").append(summary.oldDigest()).append("\n  ").append(summary.newDigest()).append("\n\n");
    out.append(summary.changes().size()).append(" changes, ").append(summary.substantiveCount())
        .append(" substantive. Paragraphs are numbered as in version ").append(summary.newVersion()).append(" unless said otherwise.\n\n");
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
      } else if (change.area().equals("clause") && change.kind() == Change.Kind.ADDED) {
        out.append("    {+").append(change.after().orElseThrow()).append("+}\n");
      } else if (change.area().equals("clause") && change.kind() == Change.Kind.REMOVED) {
        out.append("    [-").append(change.before().orElseThrow()).append("-]\n");
      }
    }
    out.append("\n(* substantive; the others change only whitespace, punctuation, layout, the status or the revision log)\n");
    if (summary.casesCompared() == 0) {
      out.append("\n").append(NO_CASES).append("\n");
    } else if (summary.rulingChanges().isEmpty()) {
      out.append("\nNo case of either edition gets a different ruling.\n");
    } else {
      out.append("\nRulings that change (").append(summary.rulingChanges().size()).append("):\n");
      for (RulingChange change : summary.rulingChanges()) {
        out.append("\n").append(change.name()).append(" (").append(change.incident()).append(")\n");
        for (String[] line : rulingLines(change)) {
          out.append("  ").append(line[0]).append(" ").append(line[1]).append("\n");
        }
      }
    }
    return out.toString();
  }

  /**
   * The lines of a ruling that change, "-" for the old edition's and "+" for the new's: compared
   * by clause id (a renumbered paragraph is the same ruling), shown by paragraph number.
   */
  static List<String[]> rulingLines(RulingChange change) {
    List<String> citedBefore = change.citedBefore().size() == change.before().size() ? change.citedBefore() : change.before();
    List<String> citedAfter = change.citedAfter().size() == change.after().size() ? change.citedAfter() : change.after();
    List<String[]> lines = new ArrayList<>();
    for (AbstractDelta<String> delta : DiffUtils.diff(change.before(), change.after()).getDeltas()) {
      for (int i = 0; i < delta.getSource().size(); i++) {
        lines.add(new String[] {"-", citedBefore.get(delta.getSource().getPosition() + i)});
      }
      for (int i = 0; i < delta.getTarget().size(); i++) {
        lines.add(new String[] {"+", citedAfter.get(delta.getTarget().getPosition() + i)});
      }
    }
    return lines;
  }
}
