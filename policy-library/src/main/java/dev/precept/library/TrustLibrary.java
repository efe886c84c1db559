package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Keyring;
import dev.precept.library.internal.LibraryReader;
import dev.precept.model.Metadata;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.Status;
import dev.precept.model.Tailoring;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trust's policy library read from its folder: the master editions of its policies with their
 * Board approvals, and each academy's overlays with their Local Governing Body approvals. Gives an
 * academy's policy and the trust's {@link TrustRegister register}.
 *
 * <h2>The folder</h2>
 * <pre>
 * policies/&lt;policy&gt;/&lt;name&gt;.yaml            a master edition (any policy file; one per edition)
 * policies/&lt;policy&gt;/&lt;name&gt;.approvals.yaml  the Board's signed approvals of that edition
 * policies/&lt;policy&gt;/&lt;name&gt;.keyring.yaml    the keys trusted to sign them
 * policies/&lt;policy&gt;/&lt;name&gt;.cases.yaml      its cases
 * academies/&lt;academy&gt;/&lt;name&gt;.overlay.yaml   the academy's overlay on one master
 * academies/&lt;academy&gt;/&lt;name&gt;.approvals.yaml its Local Governing Body's signed approvals of the tailoring
 * academies/&lt;academy&gt;/&lt;name&gt;.keyring.yaml   the keys trusted to sign them
 * academies/&lt;academy&gt;/&lt;name&gt;.cases.yaml     cases run against the academy's policy
 * </pre>
 * Every policy file outside {@code academies/} is a master edition ({@code policies/} is tidy, not
 * required). Folders named {@code target} or starting with a dot are not read. The folder is read
 * once, by {@link PolicyLibrary}: this is the trust's view of it ({@link PolicyLibrary#trust()}).
 *
 * <p>Immutable once read; safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TrustLibrary {
  private final PolicyLibrary library;
  private final List<Edition> masters;
  private final List<LibraryReader.OverlayFile> overlays;
  private final List<Diagnostic> problems;

  private TrustLibrary(PolicyLibrary library) {
    this.library = library;
    this.masters = library.policies().stream().flatMap(p -> p.editions().stream()).toList();
    this.overlays = library.overlayFiles();
    List<Diagnostic> found = new ArrayList<>();
    for (LoadProblem problem : library.problems()) {
      if (problem.problems().isEmpty()) {
        found.add(Diagnostic.builder().code(Diagnostic.INCONSISTENT).source(problem.file().toString()).line(0).column(0)
            .pointer("").message(problem.message()).build());
      } else {
        found.addAll(problem.problems());
      }
    }
    found.sort(Diagnostic.IN_READING_ORDER);
    this.problems = List.copyOf(found);
  }

  /**
   * Reads the library folder. Files that cannot be read are kept as {@link #problems()}, not thrown.
   *
   * @throws PolicyException when the folder is not there
   */
  public static TrustLibrary open(Path folder) {
    return of(PolicyLibrary.open(folder));
  }

  /**
   * Whether the library leaves a file under its folder out: one in build output ({@code target/})
   * or in a hidden folder ({@code .git}, {@code .precept}), as {@link #open} reads the folder.
   */
  public static boolean leavesOut(Path folder, Path file) {
    return dev.precept.library.internal.LibraryReader.skipped(folder, file);
  }

  /** The trust's view of a policy library already read: nothing is read again. */
  public static TrustLibrary of(PolicyLibrary library) {
    return new TrustLibrary(library);
  }

  /** The policy library this view is made from: editions in force by date, as the server and {@code precept due} use them. */
  public PolicyLibrary library() {
    return library;
  }

  /** The folder read. */
  public Path folder() {
    return library.folder();
  }

  /** Files that could not be read, located. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Every master edition, by policy then effective date. */
  public List<Policy> masterEditions() {
    return masters.stream().map(Edition::policy).toList();
  }

  /** The academies with overlays, by name. */
  public List<String> academies() {
    return overlays.stream().map(o -> o.overlay().academy()).distinct().toList();
  }

  /** The overlays of an academy (by name, or by its folder's name), in file order. */
  public List<Overlay> overlays(String academy) {
    return overlays.stream().filter(o -> o.overlay().academy().equals(academy) || o.academyFolder().equals(academy))
        .map(LibraryReader.OverlayFile::overlay).toList();
  }

  /** The file an overlay was read from. */
  public Optional<Path> fileOf(Overlay overlay) {
    return overlays.stream().filter(o -> o.overlay() == overlay).map(LibraryReader.OverlayFile::file).findFirst()
        .or(() -> overlays.stream().filter(o -> o.overlay().equals(overlay)).map(LibraryReader.OverlayFile::file).findFirst());
  }

  /**
   * The master edition an academy's document is made from on a date: the approved edition in force
   * then, or (when no edition is approved yet) the edition the overlay names.
   *
   * @throws PolicyValidationException located in the overlay when the edition it names is not in the library
   */
  public Policy masterFor(Overlay overlay, LocalDate date) {
    Policy named = overlay.namedEdition(masterEditions());
    return inForce(named.id(), date).map(Edition::policy).orElse(named);
  }

  /**
   * An academy's policy on a date: the master edition it is made from with the overlay applied.
   *
   * @throws PolicyValidationException located in the overlay when the overlay does not apply
   */
  public Policy academyPolicy(Overlay overlay, LocalDate date) {
    Policy named = overlay.namedEdition(masterEditions());
    Policy master = masterFor(overlay, date);
    return master == named ? overlay.applyTo(master) : overlay.applyTo(master, named);
  }

  /**
   * Whether the academy's Local Governing Body approved the overlay's tailoring of this master, by
   * the approval files read beside the overlay (an unreadable one counts for nothing, and is among
   * the {@link #problems()}).
   */
  public ApprovalStatus localApproval(Overlay overlay, Policy master) {
    LibraryReader.OverlayFile file = overlays.stream().filter(o -> o.overlay() == overlay).findFirst()
        .or(() -> overlays.stream().filter(o -> o.overlay().equals(overlay)).findFirst())
        .orElseThrow(() -> new IllegalArgumentException("not an overlay of this library"));
    return TailoringApproval.verify(overlay, master, file.approvals().records(), file.approvals().keyring());
  }

  /** What the Board's approval records beside a master edition prove (not approved for an edition not in the library). */
  public ApprovalStatus masterApproval(Policy master) {
    return masters.stream().filter(m -> m.policy() == master || m.policy().equals(master)).findFirst()
        .flatMap(m -> m.approval().verification())
        .orElseGet(() -> ApprovalCheck.verify(master, List.of(), Keyring.empty()));
  }

  /**
   * The master edition of a policy in force on a date: of its editions whose Board approval is
   * verified, the one with the latest effective date on or before the date; empty when none is.
   */
  public Optional<Policy> masterInForce(String policyId, LocalDate date) {
    return inForce(policyId, date).map(Edition::policy);
  }

  private Optional<Edition> inForce(String policyId, LocalDate date) {
    return library.inForce(policyId, date, Drafts.REFUSED).edition();
  }

  /**
   * The register on a date: for every policy, the trust's master line and each academy's line.
   *
   * @param window how far ahead a review counts as due
   */
  public TrustRegister register(LocalDate date, Period window) {
    TrustRegister.Builder register = TrustRegister.builder().date(date).problems(problems)
        .academies(academies());
    register.trust(masters.stream().map(m -> m.policy().metadata().organisation()).findFirst()
        .orElse(folder().getFileName().toString()));
    Map<String, List<Edition>> byPolicy = new LinkedHashMap<>();
    masters.forEach(m -> byPolicy.computeIfAbsent(m.policy().id(), k -> new ArrayList<>()).add(m));
    Set<String> overlaid = new LinkedHashSet<>();
    for (Map.Entry<String, List<Edition>> policy : byPolicy.entrySet()) {
      RegisterEntry master = masterEntry(policy.getValue(), date, window);
      register.addEntries(master);
      for (LibraryReader.OverlayFile overlay : overlays) {
        if (overlay.overlay().master().policy().equals(policy.getKey())) {
          overlaid.add(overlay.file().toString());
          register.addEntries(academyEntry(overlay, master, date));
        }
      }
    }
    for (LibraryReader.OverlayFile overlay : overlays) {
      if (!overlaid.contains(overlay.file().toString())) {
        register.addProblems(overlay.overlay().problem("/master/policy",
            "there is no master policy '" + overlay.overlay().master().policy() + "' in the library",
            "its policies: " + String.join(", ", byPolicy.keySet())));
      }
    }
    return register.build();
  }

  private RegisterEntry masterEntry(List<Edition> editions, LocalDate date, Period window) {
    Edition latest = editions.get(editions.size() - 1);
    Optional<Edition> inForce = inForce(latest.policyId(), date);
    Policy shown = inForce.orElse(latest).policy();
    RegisterEntry.Builder entry = RegisterEntry.builder()
        .policy(latest.policyId())
        .title(latest.policy().metadata().title())
        .reviewCycle(shown.metadata().reviewFrequency().toString())
        .statutoryCycle(shown.metadata().statutoryReview().map(Metadata.StatutoryReview::words))
        .statutorySource(shown.metadata().statutoryReview().map(Metadata.StatutoryReview::source));
    Optional<Edition> draft = editions.stream()
        .filter(e -> !e.approval().approved() && e.policy().metadata().status() != Status.SUPERSEDED
            && inForce.map(f -> e.effective().isAfter(f.effective()) || e.policy().metadata().dates().drafted()
                .isAfter(f.policy().metadata().dates().drafted())).orElse(true))
        .reduce((a, b) -> b);
    String draftNote = draft.map(d -> "; draft " + d.version() + " awaiting approval").orElse("");
    if (inForce.isEmpty()) {
      Edition pending = draft.orElse(latest);
      Optional<LocalDate> due = pending.policy().metadata().approval().due();
      boolean overdue = due.map(d -> d.isBefore(date)).orElse(false);
      return entry.file(pending.file().toString())
          .state(overdue ? RegisterState.OVERDUE : RegisterState.AWAITING_APPROVAL)
          .status("no approved edition in force; draft " + pending.version() + " awaiting approval"
              + due.map(d -> " (due by " + d + ")").orElse(""))
          .nextReview(due)
          .overdue(overdue)
          .build();
    }
    Edition edition = inForce.get();
    entry.file(edition.file().toString())
        .edition(edition.version())
        .approvedBy(edition.approval().signatures().stream().map(s -> s.title() + " " + s.name() + " on " + s.date()).toList())
        .approvedOn(edition.approval().approvedOn());
    if (edition.superseded()) {
      // A superseded edition is never due for review: what comes next is its successor's.
      Optional<Edition> successor = editions.stream()
          .filter(e -> e.approval().approved() && e.effective().isAfter(edition.effective())).findFirst();
      if (successor.isPresent()) {
        Optional<LocalDate> next = successor.get().reviewDue();
        return entry.status("approved, in force until " + successor.get().effective() + ", when " + successor.get().version()
                + " (approved) replaces it")
            .nextReview(next)
            .overdue(false)
            .state(next.map(n -> n.isAfter(date.plus(window))).orElse(true) ? RegisterState.IN_FORCE : RegisterState.DUE)
            .build();
      }
      Optional<LocalDate> due = draft.flatMap(d -> d.policy().metadata().approval().due());
      boolean overdue = due.map(d -> d.isBefore(date)).orElse(false);
      return entry.status("approved, in force, marked superseded" + draftNote + due.map(d -> " (due by " + d + ")").orElse(""))
          .nextReview(due)
          .overdue(overdue)
          .state(overdue ? RegisterState.OVERDUE : RegisterState.AWAITING_APPROVAL)
          .build();
    }
    LocalDate next = edition.reviewDue().orElseThrow();
    boolean overdue = next.isBefore(date);
    return entry.status("approved, in force" + draftNote)
        .nextReview(next)
        .reviewByStatute(edition.reviewDueByStatute())
        .overdue(overdue)
        .state(overdue ? RegisterState.OVERDUE : next.isAfter(date.plus(window)) ? RegisterState.IN_FORCE : RegisterState.DUE)
        .build();
  }

  private RegisterEntry academyEntry(LibraryReader.OverlayFile academy, RegisterEntry master, LocalDate date) {
    Overlay overlay = academy.overlay();
    RegisterEntry.Builder entry = RegisterEntry.builder()
        .policy(master.policy())
        .title(master.title())
        .academy(overlay.academy())
        .file(academy.file().toString())
        .reviewCycle(master.reviewCycle())
        .statutoryCycle(master.statutoryCycle())
        .statutorySource(master.statutorySource())
        .reviewByStatute(master.reviewByStatute())
        .nextReview(master.nextReview())
        .overdue(master.overdue())
        .variablesSet(overlay.variables().keySet().stream().sorted().toList())
        .tailored(overlay.tailoring().stream().map(TrustLibrary::describe).toList());
    List<String> attention = new ArrayList<>();
    Policy named;
    try {
      named = overlay.namedEdition(masterEditions());
    } catch (PolicyValidationException e) {
      e.diagnostics().forEach(p -> attention.add(p.describe()));
      return entry.state(RegisterState.ATTENTION).status("the overlay no longer applies").attention(attention).build();
    }
    Policy master0 = masterFor(overlay, date);
    entry.edition(master0.metadata().version());
    try {
      if (master0 == named) {
        overlay.applyTo(master0);
      } else {
        overlay.applyTo(master0, named);
        overlay.changedUnderneath(named, master0).forEach(p -> attention.add(p.describe()));
      }
    } catch (PolicyValidationException e) {
      e.diagnostics().forEach(p -> attention.add(p.describe()));
      return entry.state(RegisterState.ATTENTION).status("the overlay no longer applies to master " + master0.metadata().version())
          .attention(attention).build();
    }
    String status = master.edition().isPresent() ? "master in force" : "master awaiting approval";
    List<String> approvedBy = new ArrayList<>(master.approvedBy());
    Optional<LocalDate> approvedOn = master.approvedOn();
    boolean awaiting = master.edition().isEmpty();
    if (!overlay.tailoring().isEmpty()) {
      ApprovalStatus local;
      try {
        local = localApproval(overlay, master0);
      } catch (PolicyValidationException e) {
        e.diagnostics().forEach(p -> attention.add(p.describe()));
        return entry.state(RegisterState.ATTENTION).status("the tailoring cannot be checked against master " + master0.metadata().version()).attention(attention).build();
      }
      if (local.approved()) {
        status += "; tailoring approved locally";
        approvedBy.addAll(approvedBy(local));
        approvedOn = latest(approvedOn, local.approvedOn());
      } else {
        status += "; tailoring NOT approved locally";
        if (master0 != named && !attention.isEmpty()) {
          attention.addAll(local.reasons());
        } else {
          awaiting = true;
        }
      }
    } else {
      status += "; no tailoring";
    }
    RegisterState state = !attention.isEmpty() ? RegisterState.ATTENTION
        : master.overdue() ? RegisterState.OVERDUE
        : awaiting ? RegisterState.AWAITING_APPROVAL : master.state();
    if (master.overdue() && !attention.isEmpty()) {
      state = RegisterState.OVERDUE;
    }
    return entry.state(state).status(status).approvedBy(approvedBy).approvedOn(approvedOn).attention(attention).build();
  }

  private static Optional<LocalDate> latest(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }

  private static List<String> approvedBy(ApprovalStatus status) {
    return status.signatories().stream().filter(ApprovalStatus.SignatoryApproval::approves)
        .map(s -> s.title() + " " + s.record().orElseThrow().name() + " on " + s.record().orElseThrow().date()).toList();
  }

  private static String describe(Tailoring t) {
    return t.kind().word() + " " + t.target() + t.clause().map(c -> " (adds " + c.id() + ")").orElse("");
  }

}
