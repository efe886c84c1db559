package dev.precept.testkit;

import dev.precept.model.Clause;
import dev.precept.model.Policy;
import dev.precept.model.Section;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed policy (Connect Academy Trust's Social Media Policy, 2016) as a test fixture: its
 * file, its cases, the original text, and edits of single clauses. Paths are relative to a
 * module's folder, as Maven runs tests.
 */
public final class SeedPolicy {
  /** The seed policy's YAML. */
  public static final Path FILE = Path.of("../examples/connect-academy-trust/social-media-policy.yaml");

  /** The 2017 edition, with its own cases. */
  public static final Path EDITION_2017 = Path.of("../examples/connect-academy-trust/social-media-policy-2017.yaml");

  /** The original document's text, as the Trust published it. */
  public static final Path ORIGINAL = Path.of("../examples/connect-academy-trust/source/connect-academy-trust-social-media-policy-2016.txt");

  private static final Policy POLICY = PolicyLoader.standard().load(FILE);

  private SeedPolicy() {}

  /** The seed, loaded and validated once. */
  public static Policy policy() {
    return POLICY;
  }

  /** The original's sentences, whitespace normalised and its **bold** marks removed, in order. */
  public static List<String> originalSentences() {
    try {
      String text = Files.readString(ORIGINAL, StandardCharsets.UTF_8).replace("**", "");
      List<String> sentences = new ArrayList<>();
      for (String paragraph : text.split("\\n\\s*\\n")) {
        String flat = paragraph.replaceAll("\\s+", " ").strip();
        if (!flat.isEmpty()) {
          for (String sentence : flat.split("(?<=[.:])\\s+(?=[A-Z0-9])")) {
            sentences.add(sentence.strip());
          }
        }
      }
      return List.copyOf(sentences);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy with one clause's (or list item's) text replaced. */
  public static Policy withClauseText(Policy policy, String clauseId, String text) {
    var sections = new ArrayList<dev.precept.model.Section>();
    for (var section : policy.sections()) {
      var clauses = new ArrayList<dev.precept.model.Clause>();
      for (var clause : section.clauses()) {
        var items = new ArrayList<dev.precept.model.Clause>();
        for (var item : clause.items()) {
          items.add(item.id().equals(clauseId) ? Clause.builder().from(item).text(text).build() : item);
        }
        var lead = Clause.builder().from(clause).items(items).build();
        clauses.add(lead.id().equals(clauseId) ? Clause.builder().from(lead).text(text).build() : lead);
      }
      sections.add(Section.builder().from(section).clauses(clauses).build());
    }
    return Policy.builder().from(policy).sections(sections).build();
  }
}
