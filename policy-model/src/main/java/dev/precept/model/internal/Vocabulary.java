package dev.precept.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.Attribute;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Policy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a policy declares (roles, groups, offices, clauses, categories, facts...) and the one
 * place that checks a name or a typed value against them: the policy validator, the incident
 * loader and the evaluator's check of a built incident all ask here, so "unknown role" means the
 * same thing, with the same code and the same "did you mean", everywhere.
 */
public final class Vocabulary {
  /** A kind of declared name. */
  public enum Kind {
    /** A role (what a person holds). */
    ROLE("role", Diagnostic.UNKNOWN_ROLE, "declared roles"),
    /** A role or a group (what a clause or consequence applies to). */
    ROLE_OR_GROUP("role", Diagnostic.UNKNOWN_ROLE, "declared roles and groups"),
    /** A group. */
    GROUP("group", Diagnostic.UNKNOWN_GROUP, "declared groups"),
    /** An office. */
    OFFICE("office", Diagnostic.UNKNOWN_OFFICE, "declared offices"),
    /** A clause or list item. */
    CLAUSE("clause", Diagnostic.UNKNOWN_CLAUSE, "declared clauses"),
    /** A breach category. */
    CATEGORY("breach category", Diagnostic.UNKNOWN_CATEGORY, "declared breachCategories"),
    /** An instrument. */
    INSTRUMENT("instrument", Diagnostic.UNKNOWN_INSTRUMENT, "declared instruments"),
    /** A fact. */
    FACT("fact", Diagnostic.UNKNOWN_FACT, "declared facts"),
    /** An attribute. */
    ATTRIBUTE("attribute", Diagnostic.UNKNOWN_ATTRIBUTE, "declared attributes"),
    /** A consequence. */
    CONSEQUENCE("consequence", Diagnostic.UNKNOWN_CONSEQUENCE, "declared consequences");

    private final String word;
    private final String code;
    private final String declared;

    Kind(String word, String code, String declared) {
      this.word = word;
      this.code = code;
      this.declared = declared;
    }

    /** The kind in a sentence: "role", "breach category". */
    public String word() {
      return word;
    }

    /** The diagnostic code for an unknown name of this kind. */
    public String code() {
      return code;
    }
  }

  /** Something found wrong with a name or value, before it is placed in a file. */
  public record Finding(String code, String subject, String message, String hint) {
    /** As a diagnostic at a pointer of a document. */
    public Diagnostic at(dev.precept.model.LocatedDocument document, String pointer) {
      return document.diagnostic(code, pointer, subject, message, hint);
    }

    /** As a diagnostic about a value built in Java (no line or column). */
    public Diagnostic in(String source, String pointer) {
      return Diagnostic.builder().code(code).subject(Optional.ofNullable(subject)).source(source)
          .line(0).column(0).pointer(pointer).message(message).hint(Optional.ofNullable(hint)).build();
    }
  }

  private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");

  private final String policyId;
  private final Map<Kind, Set<String>> names = new EnumMap<>(Kind.class);
  private final Map<String, Fact> facts = new LinkedHashMap<>();
  private final Map<String, Attribute> attributes = new LinkedHashMap<>();

  private Vocabulary(Policy policy) {
    this.policyId = policy.id();
    Set<String> roles = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    policy.roles().forEach(r -> roles.add(r.id()));
    policy.groups().forEach(g -> groups.add(g.id()));
    Set<String> both = new LinkedHashSet<>(roles);
    both.addAll(groups);
    put(Kind.ROLE, roles);
    put(Kind.GROUP, groups);
    put(Kind.ROLE_OR_GROUP, both);
    put(Kind.OFFICE, collect(policy.offices().stream().map(o -> o.id()).toList()));
    put(Kind.CLAUSE, collect(policy.allClauses().stream().map(c -> c.id()).toList()));
    put(Kind.CATEGORY, collect(policy.breachCategories().stream().map(b -> b.id()).toList()));
    put(Kind.INSTRUMENT, collect(policy.instruments().stream().map(i -> i.id()).toList()));
    put(Kind.CONSEQUENCE, collect(policy.consequences().stream().map(c -> c.id()).toList()));
    policy.facts().forEach(f -> facts.putIfAbsent(f.id(), f));
    policy.attributes().forEach(a -> attributes.putIfAbsent(a.id(), a));
    put(Kind.FACT, facts.keySet());
    put(Kind.ATTRIBUTE, attributes.keySet());
  }

  /** The names this policy declares. */
  public static Vocabulary of(Policy policy) {
    return new Vocabulary(policy);
  }

  private void put(Kind kind, Set<String> ids) {
    names.put(kind, Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
  }

  private static Set<String> collect(List<String> ids) {
    return new LinkedHashSet<>(ids);
  }

  /** The declared names of a kind, in the policy's order. */
  public Set<String> ids(Kind kind) {
    return names.get(kind);
  }

  /** Whether the policy declares this name. */
  public boolean knows(Kind kind, String id) {
    return names.get(kind).contains(id);
  }

  /** The declared fact with this id. */
  public Optional<Fact> fact(String id) {
    return Optional.ofNullable(facts.get(id));
  }

  /** The declared attribute with this id. */
  public Optional<Attribute> attribute(String id) {
    return Optional.ofNullable(attributes.get(id));
  }

  /**
   * Nothing when the name is declared; otherwise a finding with the kind's code, the name as its
   * subject, this message and a "did you mean".
   */
  public Optional<Finding> unknown(Kind kind, String id, Supplier<String> message) {
    if (knows(kind, id)) {
      return Optional.empty();
    }
    return Optional.of(new Finding(kind.code(), id, message.get(), DidYouMean.hint(id, names.get(kind), kind.declared)));
  }

  /** Nothing when the name is declared; otherwise "unknown role 'cfo': policy P declares no such role". */
  public Optional<Finding> unknown(Kind kind, String id) {
    return unknown(kind, id, () -> "unknown " + kind.word() + " '" + id + "': policy " + policyId
        + " declares no such " + kind.word());
  }

  /**
   * Nothing when a value written as text fits the declared type; otherwise a finding saying why,
   * with a hint (a date in the form YYYY-MM-DD, the closest allowed value).
   *
   * @param what how to name the fact or attribute: "fact 'finding'"
   */
  public static Optional<Finding> value(FactType type, List<String> allowed, String value, String what) {
    Optional<String> problem = type.problemWith(value, allowed);
    if (problem.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(type == FactType.ENUM ? Diagnostic.UNKNOWN_VALUE : Diagnostic.TYPE_MISMATCH, value,
        what + " cannot be '" + value + "': " + problem.get(), hintFor(type, allowed, value)));
  }

  /**
   * Nothing when a value read from YAML or JSON fits the declared type (a boolean must be
   * {@code true} or {@code false}, not text; a number a whole number); otherwise a finding.
   */
  public static Optional<Finding> value(FactType type, List<String> allowed, JsonNode node, String what) {
    String text = node.asText();
    if (type == FactType.BOOLEAN && !node.isBoolean()) {
      return Optional.of(new Finding(Diagnostic.TYPE_MISMATCH, text, what + " cannot be '" + text + "': expected true or false",
          hintFor(type, allowed, text)));
    }
    if (type == FactType.INTEGER && !node.isIntegralNumber()) {
      return Optional.of(new Finding(Diagnostic.TYPE_MISMATCH, text, what + " cannot be '" + text + "': expected a whole number",
          hintFor(type, allowed, text)));
    }
    return value(type, allowed, text, what);
  }

  /** The hint for a value that does not fit its type. */
  public static String hintFor(FactType type, List<String> allowed, String value) {
    switch (type) {
      case BOOLEAN:
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "y", "on", "1").contains(lower)) {
          return "write true, lower-case and without quotes";
        }
        if (List.of("false", "no", "n", "off", "0").contains(lower)) {
          return "write false, lower-case and without quotes";
        }
        return "write true or false, lower-case and without quotes";
      case INTEGER:
        return "write a whole number without quotes, e.g. 3";
      case DATE:
        return dateHint(value);
      case ENUM:
        return DidYouMean.hint(value, allowed, "allowed values");
      default:
        return null;
    }
  }

  /**
   * The hint for text that is not an ISO date: a day/month/year date is rewritten for the reader
   * ("01/09/2016" -> "write 2016-09-01 for 1 September 2016").
   */
  public static String dateHint(String value) {
    Matcher m = SLASHED_DATE.matcher(value.strip());
    if (m.matches()) {
      int day = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int year = Integer.parseInt(m.group(3));
      try {
        LocalDate date = LocalDate.of(year, month, day);
        return String.format(Locale.ROOT, "write dates as YYYY-MM-DD: %s for %d %s %d (day/month/year)", date, day,
            date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK), year);
      } catch (java.time.DateTimeException e) {
        return "write dates as YYYY-MM-DD, year first: '" + value + "' is not a date read day/month/year";
      }
    }
    try {
      LocalDate.parse(value);
      return null;
    } catch (DateTimeParseException e) {
      if (value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
        return "there is no such day: the month is 01 to 12 and the day fits the month (YYYY-MM-DD)";
      }
      return "write dates as YYYY-MM-DD, e.g. 2016-09-01";
    }
  }
}
