package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Keyring;
import dev.precept.model.Overlay;
import dev.precept.model.OverlayLoader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.Status;
import dev.precept.model.Tailoring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * Without a {@code policies/} folder, every policy file outside {@code academies/} is a master
 * edition. Folders named {@code target} or starting with a dot are not read.
 *
 * <p>Immutable once read; safe to share between threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TrustLibrary {
  private final Path folder;
  private final List<MasterEdition> masters;
  private final List<AcademyOverlay> overlays;
  private final List<Diagnostic> problems;

  /** One master edition read from the folder, with what its approvals prove. */
  private record MasterEdition(Path file, Policy policy, ApprovalStatus approval) {
    LocalDate effective() {
      return policy.metadata().dates().effective().or(approval::approvedOn)
          .or(() -> policy.metadata().dates().approved()).orElse(policy.metadata().dates().drafted());
    }
  }

  /** One academy overlay read from the folder. */
  private record AcademyOverlay(String academyFolder, Path file, Overlay overlay) {}

  private TrustLibrary(Path folder, List<MasterEdition> masters, List<AcademyOverlay> overlays, List<Diagnostic> problems) {
    this.folder = folder;
    this.masters = masters;
    this.overlays = overlays;
    this.problems = problems;
  }

  /**
   * Reads the library folder. Files that cannot be read are kept as {@link #problems()}, not thrown.
   *
   * @throws PolicyException when the folder is not there
   */
  public static TrustLibrary open(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new PolicyException(folder + ": no such folder");
    }
    List<Diagnostic> problems = new ArrayList<>();
    Path academies = folder.resolve("academies");
    Path policies = Files.isDirectory(folder.resolve("policies")) ? folder.resolve("policies") : folder;
    List<MasterEdition> masters = new ArrayList<>();
    for (Path file : yamlFiles(policies)) {
      if (file.startsWith(academies) || OverlayLoader.isOverlayFile(file) || sidecar(file)) {
        continue;
      }
      try {
        byte[] bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
        if (!new String(bytes, StandardCharsets.UTF_8).contains("schemaVersion")) {
          continue; // an incident or another document, not a policy
        }
        Policy policy = PolicyLoader.standard().parse(bytes, file.toString());
        ApprovalStatus approval = ApprovalCheck.verify(policy, records(sibling(file, ".approvals.yaml")), keyring(sibling(file, ".keyring.yaml")));
        masters.add(new MasterEdition(file, policy, approval));
      } catch (PolicyValidationException e) {
        problems.addAll(e.diagnostics());
      } catch (PolicyException e) {
        problems.add(dev.precept.model.Diagnostic.builder().code(dev.precept.model.Diagnostic.INCONSISTENT).source(file.toString()).line(0).column(0).pointer("").message(e.getMessage()).build());
      }
    }
    List<AcademyOverlay> overlays = new ArrayList<>();
    if (Files.isDirectory(academies)) {
      for (Path file : yamlFiles(academies)) {
        if (!OverlayLoader.isOverlayFile(file)) {
          continue;
        }
        try {
          overlays.add(new AcademyOverlay(academies.relativize(file).getName(0).toString(), file, OverlayLoader.standard().load(file)));
        } catch (PolicyValidationException e) {
          problems.addAll(e.diagnostics());
        } catch (PolicyException e) {
          problems.add(dev.precept.model.Diagnostic.builder().code(dev.precept.model.Diagnostic.INCONSISTENT).source(file.toString()).line(0).column(0).pointer("").message(e.getMessage()).build());
        }
      }
    }
    masters.sort(Comparator.comparing((MasterEdition m) -> m.policy().id()).thenComparing(MasterEdition::effective)
        .thenComparing(m -> m.file().toString()));
    overlays.sort(Comparator.comparing((AcademyOverlay o) -> o.overlay().academy()).thenComparing(o -> o.file().toString()));
    problems.sort(Diagnostic.IN_READING_ORDER);
    return new TrustLibrary(folder, List.copyOf(masters), List.copyOf(overlays), List.copyOf(problems));
  }

  /** The folder read. */
  public Path folder() {
    return folder;
  }

  /** Files that could not be read, located. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Every master edition, by policy then effective date. */
  public List<Policy> masterEditions() {
    return masters.stream().map(MasterEdition::policy).toList();
  }

  /** The academies with overlays, by name. */
  public List<String> academies() {
    return overlays.stream().map(o -> o.overlay().academy()).distinct().toList();
  }

  /** The overlays of an academy (by name, or by its folder's name), in file order. */
  public List<Overlay> overlays(String academy) {
    return overlays.stream().filter(o -> o.overlay().academy().equals(academy) || o.academyFolder().equals(academy))
        .map(AcademyOverlay::overlay).toList();
  }

  /** The file an overlay was read from. */
  public Optional<Path> fileOf(Overlay overlay) {
    return overlays.stream().filter(o -> o.overlay() == overlay).map(AcademyOverlay::file).findFirst()
        .or(() -> overlays.stream().filter(o -> o.overlay().equals(overlay)).map(AcademyOverlay::file).findFirst());
  }

  /**
   * The master edition an academy's document is made from on a date: the approved edition in force
   * then, or (when no edition is approved yet) the edition the overlay names.
   *
   * @throws PolicyValidationException located in the overlay when the edition it names is not in the library
   */
  public Policy masterFor(Overlay overlay, LocalDate date) {
    Policy named = overlay.namedEdition(masterEditions());
    return inForce(named.id(), date).map(MasterEdition::policy).orElse(named);
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

  /** Whether the academy's Local Governing Body approved the overlay's tailoring of this master. */
  public ApprovalStatus localApproval(Overlay overlay, Policy master) {
    Path file = fileOf(overlay).orElseThrow(() -> new IllegalArgumentException("not an overlay of this library"));
    String base = file.getFileName().toString().replaceFirst("\\.overlay\\.ya?ml$", "");
    return TailoringApproval.verify(overlay, master, records(file.resolveSibling(base + ".approvals.yaml")),
        keyring(file.resolveSibling(base + ".keyring.yaml")));
  }

  /** What the Board's approval records beside a master edition prove (not approved for an edition not in the library). */
  public ApprovalStatus masterApproval(Policy master) {
    return masters.stream().filter(m -> m.policy() == master || m.policy().equals(master)).findFirst()
        .map(MasterEdition::approval)
        .orElseGet(() -> ApprovalCheck.verify(master, List.of(), Keyring.empty()));
  }

  /**
   * The master edition of a policy in force on a date: of its editions whose Board approval is
   * verified, the one with the latest effective date on or before the date; empty when none is.
   */
  public Optional<Policy> masterInForce(String policyId, LocalDate date) {
    return inForce(policyId, date).map(MasterEdition::policy);
  }

  private Optional<MasterEdition> inForce(String policyId, LocalDate date) {
    return masters.stream().filter(m -> m.policy().id().equals(policyId) && m.approval().approved() && !m.effective().isAfter(date))
        .reduce((a, b) -> b);
  }

  /**
   * The register on a date: for every policy, the trust's master line and each academy's line.
   *
   * @param window how far ahead a review counts as due
   */
  public TrustRegister register(LocalDate date, Period window) {
    TrustRegister.Builder register = TrustRegister.builder().date(date).problems(problems)
        .academies(academies());
    register.trust(masters.stream().map(m -> m.policy().metadata().organisation()).findFirst().orElse(folder.getFileName().toString()));
    Map<String, List<MasterEdition>> byPolicy = new LinkedHashMap<>();
    masters.forEach(m -> byPolicy.computeIfAbsent(m.policy().id(), k -> new ArrayList<>()).add(m));
    Set<String> overlaid = new LinkedHashSet<>();
    for (Map.Entry<String, List<MasterEdition>> policy : byPolicy.entrySet()) {
      RegisterEntry master = masterEntry(policy.getValue(), date, window);
      register.addEntries(master);
      for (AcademyOverlay overlay : overlays) {
        if (overlay.overlay().master().policy().equals(policy.getKey())) {
          overlaid.add(overlay.file().toString());
          register.addEntries(academyEntry(overlay, master, date));
        }
      }
    }
    for (AcademyOverlay overlay : overlays) {
      if (!overlaid.contains(overlay.file().toString())) {
        register.addProblems(overlay.overlay().problem("/master/policy",
            "there is no master policy '" + overlay.overlay().master().policy() + "' in the library",
            "its policies: " + String.join(", ", byPolicy.keySet())));
      }
    }
    return register.build();
  }

  private RegisterEntry masterEntry(List<MasterEdition> editions, LocalDate date, Period window) {
    MasterEdition latest = editions.get(editions.size() - 1);
    Optional<MasterEdition> inForce = inForce(latest.policy().id(), date);
    RegisterEntry.Builder entry = RegisterEntry.builder()
        .policy(latest.policy().id())
        .title(latest.policy().metadata().title())
        .reviewCycle(latest.policy().metadata().reviewFrequency().toString());
    Optional<MasterEdition> draft = editions.stream()
        .filter(e -> !e.approval().approved() && e.policy().metadata().status() != Status.SUPERSEDED
            && inForce.map(f -> e.effective().isAfter(f.effective()) || e.policy().metadata().dates().drafted()
                .isAfter(f.policy().metadata().dates().drafted())).orElse(true))
        .reduce((a, b) -> b);
    String draftNote = draft.map(d -> "; draft " + d.policy().metadata().version() + " awaiting approval").orElse("");
    if (inForce.isEmpty()) {
      MasterEdition pending = draft.orElse(latest);
      Optional<LocalDate> due = pending.policy().metadata().approval().due();
      boolean overdue = due.map(d -> d.isBefore(date)).orElse(false);
      return entry.file(pending.file().toString())
          .state(overdue ? RegisterState.OVERDUE : RegisterState.AWAITING_APPROVAL)
          .status("no approved edition in force; draft " + pending.policy().metadata().version() + " awaiting approval"
              + due.map(d -> " (due by " + d + ")").orElse(""))
          .nextReview(due)
          .overdue(overdue)
          .build();
    }
    MasterEdition edition = inForce.get();
    LocalDate approvedOn = edition.approval().approvedOn().orElse(edition.effective());
    LocalDate next = approvedOn.plus(edition.policy().metadata().reviewFrequency());
    boolean overdue = next.isBefore(date);
    return entry.file(edition.file().toString())
        .edition(edition.policy().metadata().version())
        .status("approved, in force" + draftNote)
        .approvedBy(approvedBy(edition.approval()))
        .approvedOn(edition.approval().approvedOn())
        .nextReview(next)
        .overdue(overdue)
        .state(overdue ? RegisterState.OVERDUE : next.isAfter(date.plus(window)) ? RegisterState.IN_FORCE : RegisterState.DUE)
        .build();
  }

  private RegisterEntry academyEntry(AcademyOverlay academy, RegisterEntry master, LocalDate date) {
    Overlay overlay = academy.overlay();
    RegisterEntry.Builder entry = RegisterEntry.builder()
        .policy(master.policy())
        .title(master.title())
        .academy(overlay.academy())
        .file(academy.file().toString())
        .reviewCycle(master.reviewCycle())
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
        return entry.state(RegisterState.ATTENTION).status("the local approvals cannot be read").attention(attention).build();
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

  private static List<Path> yamlFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> root.relativize(p).toString().isEmpty() || Stream.iterate(root.relativize(p), x -> x.getParent() != null, Path::getParent)
              .noneMatch(x -> x.getFileName().toString().equals("target") || x.getFileName().toString().startsWith(".")))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sidecar(Path file) {
    return file.getFileName().toString().matches(".*\\.(cases|approvals|keyring)\\.ya?ml");
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "") + suffix);
  }

  private static List<ApprovalRecord> records(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    return Approvals.readRecords(PolicyLoader.readFile(file, ReadLimits.STANDARD), file.toString());
  }

  private static Keyring keyring(Path file) {
    if (!Files.isRegularFile(file)) {
      return Keyring.empty();
    }
    return Approvals.readKeyring(PolicyLoader.readFile(file, ReadLimits.STANDARD), file.toString());
  }
}
