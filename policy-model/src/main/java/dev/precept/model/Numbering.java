package dev.precept.model;

import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The numbers the document prints and people cite: section 3, paragraph 3.4, list item 3.4(a);
 * appendix A, paragraph A.2. A run-on clause continues its paragraph, so it has that paragraph's
 * number, as the document shows it. Clause ids stay the machine's names (rulings and diffs in
 * JSON keep them); these numbers are for people and change when the document is reordered.
 *
 * <pre>{@code
 * policy.numbering().cite("conduct.name-and-logo");   // "paragraph 3.1(a)"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface Numbering {
  /** A new builder of {@link Numbering}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Numbering}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableNumbering.Builder {
    Builder() {}
  }

  /** Each section's number ("3") and each appendix's letter ("A"), by section id, in document order. */
  Map<String, String> sections();

  /** Each clause's paragraph number ("3.4", "3.4(a)", "A.2"), by clause id, in document order. */
  Map<String, String> paragraphs();

  /** The paragraph number of the clause with this id, if the policy has one. */
  default Optional<String> number(String clauseId) {
    return Optional.ofNullable(paragraphs().get(clauseId));
  }

  /** The clause cited for people: "paragraph 3.4"; a clause the policy lacks is cited by its id. */
  default String cite(String clauseId) {
    return number(clauseId).map(n -> "paragraph " + n).orElse("clause '" + clauseId + "'");
  }

  /** Several clauses cited for people: "paragraphs 3.1(a) and 3.4", in the order given. */
  default String citeAll(List<String> clauseIds) {
    if (clauseIds.size() <= 1) {
      return clauseIds.isEmpty() ? "" : cite(clauseIds.get(0));
    }
    if (clauseIds.stream().allMatch(id -> paragraphs().containsKey(id))) {
      List<String> numbers = clauseIds.stream().map(paragraphs()::get).toList();
      return "paragraphs " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
    }
    List<String> each = clauseIds.stream().map(this::cite).toList();
    return String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
  }

  /** The section cited for people: "section 3" or "Appendix A"; one the policy lacks by its id. */
  default String citeSection(String sectionId) {
    String number = sections().get(sectionId);
    if (number == null) {
      return "section '" + sectionId + "'";
    }
    return Character.isDigit(number.charAt(0)) ? "section " + number : "Appendix " + number;
  }

  /** The numbering of this policy's document. */
  static Numbering of(Policy policy) {
    Map<String, String> sections = new LinkedHashMap<>();
    Map<String, String> paragraphs = new LinkedHashMap<>();
    for (int s = 0; s < policy.sections().size(); s++) {
      number(policy.sections().get(s), String.valueOf(s + 1), sections, paragraphs);
    }
    for (int a = 0; a < policy.appendices().size(); a++) {
      number(policy.appendices().get(a), letters(a), sections, paragraphs);
    }
    return Numbering.builder().sections(sections).paragraphs(paragraphs).build();
  }

  /** Numbers one section's paragraphs, the same way the document groups them. */
  private static void number(Section section, String prefix, Map<String, String> sections, Map<String, String> paragraphs) {
    sections.put(section.id(), prefix);
    int paragraph = 0;
    boolean open = false;
    for (Clause clause : section.clauses()) {
      if (!open || !clause.runOn()) {
        paragraph++;
      }
      String number = prefix + "." + paragraph;
      paragraphs.putIfAbsent(clause.id(), number);
      open = true;
      for (int i = 0; i < clause.items().size(); i++) {
        paragraphs.putIfAbsent(clause.items().get(i).id(), number + "(" + letters(i).toLowerCase(java.util.Locale.ROOT) + ")");
      }
      if (!clause.items().isEmpty()) {
        open = false; // a list ends its paragraph: what follows starts a new one
      }
    }
  }

  /** A, B, ..., Z, AA, AB...: the letter for the n-th (from 0) appendix or list item. */
  static String letters(int index) {
    StringBuilder out = new StringBuilder();
    int n = index;
    do {
      out.insert(0, (char) ('A' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return out.toString();
  }
}
