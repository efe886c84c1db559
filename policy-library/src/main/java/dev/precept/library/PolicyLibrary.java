package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.library.internal.LibraryReader;
import dev.precept.model.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A trust's folder of policies, read once: each policy with its editions, what their approvals
 * prove, and the files that could not be used. Immutable and safe to share between threads; to see
 * changes in the folder, {@link #reload() reload} it.
 *
 * <pre>{@code
 * PolicyLibrary library = PolicyLibrary.open(Path.of("policies"));
 * InForce choice = library.inForce("cat-social-media", incidentDate, Drafts.REFUSED);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PolicyLibrary {
  private final Path folder;
  private final Map<String, LibraryPolicy> policies;
  private final List<LoadProblem> problems;

  private PolicyLibrary(Path folder, Map<String, LibraryPolicy> policies, List<LoadProblem> problems) {
    this.folder = folder;
    this.policies = policies;
    this.problems = problems;
  }

  /**
   * Reads every edition in the folder and its sub-folders, and checks their approvals.
   *
   * @throws PolicyException when the folder is not there
   */
  public static PolicyLibrary open(Path folder) {
    return read(folder, Optional.empty());
  }

  /**
   * Reads the folder again. A file whose change fails validation, or an edition in force whose
   * change breaks its approval, does not replace what was read before: the earlier edition stays,
   * and a {@link LoadProblem} says what was refused and why.
   *
   * @throws PolicyException when the folder is no longer there
   */
  public PolicyLibrary reload() {
    return read(folder, Optional.of(this));
  }

  private static PolicyLibrary read(Path folder, Optional<PolicyLibrary> previous) {
    if (!Files.isDirectory(folder)) {
      throw new PolicyException(folder + ": no such folder");
    }
    LibraryReader.Result result = LibraryReader.read(folder,
        previous.map(p -> p.policies.values().stream().flatMap(l -> l.editions().stream()).toList()).orElse(List.of()));
    return new PolicyLibrary(folder, result.policies(), result.problems());
  }

  /** The folder read. */
  public Path folder() {
    return folder;
  }

  /** The policies found, by id. */
  public List<LibraryPolicy> policies() {
    return List.copyOf(policies.values());
  }

  /** The policy with this id. */
  public Optional<LibraryPolicy> policy(String id) {
    return Optional.ofNullable(policies.get(id));
  }

  /** Files that could not be used, and why, in file order. */
  public List<LoadProblem> problems() {
    return problems;
  }

  /** The approved edition in force on a date; drafts are never in force. */
  public InForce inForce(String policyId, LocalDate date) {
    return inForce(policyId, date, Drafts.REFUSED);
  }

  /**
   * The edition of a policy in force on a date: of the editions that may be in force (approved
   * ones, and drafts when allowed), the one with the latest effective date on or before the date.
   * When none is, the answer says why (unknown policy, nothing approved, a date before the first).
   */
  public InForce inForce(String policyId, LocalDate date, Drafts drafts) {
    InForce.Builder answer = InForce.builder().policyId(policyId).date(date);
    LibraryPolicy policy = policies.get(policyId);
    if (policy == null) {
      return answer.reason("there is no policy '" + policyId + "' in the library" + (policies.isEmpty() ? ""
          : " (its policies: " + String.join(", ", policies.keySet()) + ")")).build();
    }
    List<Edition> eligible = policy.editions().stream()
        .filter(e -> e.approval().approved() || drafts == Drafts.ALLOWED).toList();
    if (eligible.isEmpty()) {
      return answer.reason("no edition of " + policyId + " is approved: " + policy.editions().stream()
          .map(e -> e.version() + " (" + e.file().getFileName() + "): " + String.join("; ", e.approval().reasons()))
          .collect(Collectors.joining("; ")) + "; serve drafts only to try a policy out (allow drafts)").build();
    }
    Optional<Edition> chosen = eligible.stream().filter(e -> !e.effective().isAfter(date)).reduce((a, b) -> b);
    String kind = drafts == Drafts.ALLOWED ? "edition" : "approved edition";
    if (chosen.isEmpty()) {
      Edition first = eligible.get(0);
      return answer.reason(date + " is before the first " + kind + " of " + policyId + ", " + first.version()
          + ", in force from " + first.effective() + " (" + first.effectiveFrom() + ")").build();
    }
    Edition edition = chosen.get();
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "edition %s (%s) is in force on %s: in force from %s (%s)", edition.version(),
        edition.file().getFileName(), date, edition.effective(), edition.effectiveFrom()));
    if (edition.approval().approved()) {
      why.add("approved by " + edition.approval().signatures().stream()
          .map(s -> s.title() + " " + s.name() + " on " + s.date()).collect(Collectors.joining(" and ")));
    } else {
      why.add("a DRAFT, not approved (" + String.join("; ", edition.approval().reasons()) + "), in force only because drafts are allowed");
    }
    int at = eligible.indexOf(edition);
    if (at > 0) {
      why.add("it replaced " + eligible.get(at - 1).version() + " (in force from " + eligible.get(at - 1).effective() + ")");
    }
    if (at + 1 < eligible.size()) {
      why.add(eligible.get(at + 1).version() + " takes effect later, from " + eligible.get(at + 1).effective());
    }
    return answer.edition(edition).reason(String.join("; ", why)).build();
  }
}
