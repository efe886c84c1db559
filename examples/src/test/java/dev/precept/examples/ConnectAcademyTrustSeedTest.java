package dev.precept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Consequence;
import dev.precept.model.Modality;
import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seed policy is carried whole: nothing of the 2016 text was lost on the way into YAML. */
class ConnectAcademyTrustSeedTest {
  private static final Path FOLDER = Path.of("connect-academy-trust");
  private static final Policy POLICY = PolicyLoader.standard().load(FOLDER.resolve("social-media-policy.yaml"));

  @Test
  void everySentenceOfTheOriginalAppearsInTheModel() throws IOException {
    String model = normalise(modelText(POLICY));
    List<String> missing = new ArrayList<>();
    for (String sentence : sentencesOf(original())) {
      if (!model.contains(sentence)) {
        missing.add(sentence);
      }
    }
    assertEquals(List.of(), missing, "sentences of the seed not found in the model");
  }

  @Test
  void theSentenceSplitterFindsTheWholeOriginal() throws IOException {
    // Guards the test above: if splitting went wrong it could pass vacuously.
    List<String> sentences = sentencesOf(original());
    assertTrue(sentences.size() >= 40, "only " + sentences.size() + " sentences found");
    assertTrue(sentences.contains("Anyone working in the Trust either as a paid employee or volunteer must not communicate with children via social networking sites."));
  }

  @Test
  void carriesEveryRoleTheOriginalNames() {
    List<String> titles = POLICY.roles().stream().map(r -> r.title()).collect(Collectors.toList());
    assertEquals(List.of("Staff", "Pupils", "Parents", "Governors", "Volunteers", "External service providers", "Friends"), titles);
  }

  @Test
  void carriesBothExceptionsAsPriorPermissionOfTheCeo() {
    List<ClauseException> exceptions = POLICY.allClauses().stream()
        .flatMap(c -> c.exceptions().stream()).collect(Collectors.toList());
    assertEquals(2, exceptions.size());
    assertTrue(exceptions.stream().allMatch(e -> e.authorities().equals(List.of("ceo"))));
  }

  @Test
  void keepsMustApartFromMayInEveryConsequence() {
    List<String> musts = POLICY.consequences().stream().filter(c -> c.modality() == Modality.MUST)
        .map(Consequence::id).collect(Collectors.toList());
    assertEquals(List.of("comments.appropriate-action", "employee.investigation", "non-employee.board-action"), musts);
    assertEquals(7, POLICY.consequences().size());
  }

  @Test
  void carriesTheBoardApprovalLineAndBothSignatories() {
    Office board = POLICY.office(POLICY.metadata().approval().body()).orElseThrow();
    assertEquals("Board of Connect Academy Trust", board.formalOrTitle());
    assertEquals("2016-10-31", POLICY.metadata().approval().due().orElseThrow().toString());
    List<String> signing = POLICY.metadata().signatories().stream()
        .map(s -> POLICY.office(s.office()).orElseThrow().title()).collect(Collectors.toList());
    assertEquals(List.of("Chief Executive Officer", "Chair of Connect Academy Trust"), signing);
  }

  private static String original() throws IOException {
    return Files.readString(FOLDER.resolve("source/connect-academy-trust-social-media-policy-2016.txt"), StandardCharsets.UTF_8);
  }

  /** The body of the policy, split into sentences; headings and the signature block are lines. */
  static List<String> sentencesOf(String text) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String flat = normalise(paragraph);
      if (flat.isEmpty()) {
        continue;
      }
      for (String sentence : flat.split("(?<=[.:])\\s+(?=[A-Z0-9])")) {
        sentences.add(sentence.strip());
      }
    }
    return sentences;
  }

  /** Every piece of text the model holds, including titles, offices and metadata. */
  private static String modelText(Policy policy) {
    StringBuilder all = new StringBuilder();
    var m = policy.metadata();
    Office board = policy.office(m.approval().body()).orElseThrow();
    all.append(m.organisation()).append("\n").append(m.title()).append("\n");
    all.append(monthYear(m.dates().drafted())).append("\n");
    all.append("For Review and Approval by the ").append(board.formalOrTitle()).append(", ")
        .append(monthYear(m.approval().due().orElseThrow())).append("\n");
    all.append("Contents\n");
    for (int i = 0; i < policy.sections().size(); i++) {
      all.append(i + 1).append(". ").append(policy.sections().get(i).title()).append("\n");
    }
    all.append(m.shortTitle().orElseThrow()).append("\n");
    for (var section : policy.sections()) {
      all.append(policy.sections().indexOf(section) + 1).append(". ").append(section.title()).append("\n");
      for (Clause clause : section.clauses()) {
        Stream.concat(Stream.of(clause), clause.items().stream()).forEach(c -> all.append(c.text()).append("\n"));
      }
    }
    for (var signatory : m.signatories()) {
      all.append("Signed\n").append(policy.office(signatory.office()).orElseThrow().title()).append("\nDate\n");
    }
    return all.toString();
  }

  private static String monthYear(java.time.LocalDate date) {
    return date.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
  }

  private static String normalise(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
