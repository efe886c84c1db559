package dev.precept.importer;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What the clerk must still do after an import: the importer finds these in the wording but never
 * asserts them in the skeleton.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ImportReport {
  /** A new builder of {@link ImportReport}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ImportReport}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableImportReport.Builder {
    Builder() {}
  }

  /** One thing found in the text: the clause it is in and the words that matched. */
  @Value.Immutable
  interface Finding {
    /** A new builder of {@link Finding}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Finding}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableFinding.Builder {
      Builder() {}
    }

    /** The id of the clause in the skeleton. */
    String clause();

    /** The words in the clause that were found ("Governors", "may result in"). */
    String phrase();

    /** The finding as one line: {@code clause: "phrase"}. */
    default String describe() {
      return clause() + ": \"" + phrase() + "\"";
    }
  }

  /** People named in the text whom the skeleton does not declare as roles. */
  List<Finding> rolesToDeclare();

  /** Wording that states what follows a breach, to write as consequences. */
  List<Finding> candidateConsequences();

  /** Wording that excuses a breach ("without the permission of", "unless"), to write as exceptions. */
  List<Finding> exceptionPhrases();

  /** Metadata the importer could not find and filled with a placeholder ("version", "date drafted"). */
  List<String> missingMetadata();

  /** Parts of the source that were changed in form: tables flattened, nested lists lifted, text skipped. */
  List<String> notes();

  /** The report as lines of text for a terminal, headed by what each list means. */
  default List<String> lines() {
    List<String> lines = new ArrayList<>();
    section(lines, "Metadata to fill in (placeholders were written):", missingMetadata());
    section(lines, "Roles mentioned in the text and not declared (add them under 'roles', then 'appliesTo'):",
        rolesToDeclare().stream().map(Finding::describe).toList());
    section(lines, "Candidate consequences to write under 'consequences':",
        candidateConsequences().stream().map(Finding::describe).toList());
    section(lines, "Exception phrases to write as 'exceptions' of a rule with a breach category:",
        exceptionPhrases().stream().map(Finding::describe).toList());
    section(lines, "Changed in form from the source:", notes());
    lines.add("Every clause kind is a guess marked '# review:'; check each one, then run 'precept validate'.");
    return List.copyOf(lines);
  }

  private static void section(List<String> lines, String heading, List<String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    lines.add(heading);
    entries.forEach(e -> lines.add("  - " + e));
  }
}
