package dev.precept.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connect Academy Trust library: its register, and what a new master edition does to each academy. */
class TrustLibraryTest {
  private static final Path EXAMPLE = Path.of("../examples/connect-academy-trust-library");
  private static final Period WINDOW = Period.ofDays(60);

  @TempDir Path temp;

  private Path copyOfExample() throws IOException {
    Path root = temp.resolve("trust");
    try (Stream<Path> walk = Files.walk(EXAMPLE)) {
      for (Path p : walk.toList()) {
        Path to = root.resolve(EXAMPLE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return root;
  }

  @Test
  void theRegisterShowsEachAcademyOnTheMasterInForceWithWhoApprovedIt() {
    TrustRegister register = TrustLibrary.open(EXAMPLE).register(LocalDate.of(2017, 3, 1), WINDOW);
    assertEquals("Connect Academy Trust", register.trust());
    assertEquals(List.of("Boscawen Academy", "Penhallow Academy", "Trelissick Academy"), register.academies());
    RegisterEntry master = register.entry("cat-social-media", Optional.empty()).orElseThrow();
    assertEquals(RegisterState.IN_FORCE, master.state());
    assertEquals(Optional.of("2016.1"), master.edition());
    assertEquals("approved, in force; draft 2017.1 awaiting approval", master.status());
    assertEquals(List.of("Chief Executive Officer Jenny Pascoe on 2016-10-20", "Chair of Connect Academy Trust Tom Evans on 2016-10-20"),
        master.approvedBy());
    assertEquals(Optional.of(LocalDate.of(2017, 10, 20)), master.nextReview());
    RegisterEntry trelissick = register.entry("cat-social-media", Optional.of("Trelissick Academy")).orElseThrow();
    assertEquals(RegisterState.IN_FORCE, trelissick.state(), trelissick.toString());
    assertEquals("master in force; tailoring approved locally", trelissick.status());
    assertTrue(trelissick.approvedBy().contains("Chair of the Local Governing Body of Trelissick Academy Morwenna Hicks on 2016-11-08"),
        trelissick.approvedBy().toString());
    assertEquals("3 variables set, 2 clauses tailored (replace conduct.report-concerns; add-after conduct.unauthorised-images"
        + " (adds conduct.trelissick.personal-devices))", RegisterPage.deviation(trelissick));
    RegisterEntry boscawen = register.entry("cat-social-media", Optional.of("Boscawen Academy")).orElseThrow();
    assertEquals("2 variables set, no clause tailored", RegisterPage.deviation(boscawen));
    assertEquals(RegisterState.IN_FORCE, boscawen.state());
    assertFalse(register.needsAction(), RegisterPage.text(register));
  }

  @Test
  void anOverdueReviewFailsTheGateForTheTrustAndEveryAcademy() {
    TrustRegister register = TrustLibrary.open(EXAMPLE).register(LocalDate.of(2017, 11, 15), WINDOW);
    assertTrue(register.needsAction());
    assertTrue(register.entries().stream().allMatch(e -> e.state() == RegisterState.OVERDUE), RegisterPage.text(register));
    assertTrue(RegisterPage.text(register).contains("next review 2017-10-20 (reviewed every 1 year) OVERDUE"));
  }

  @Test
  void aNewMasterEditionFlagsOnlyTheAcademyWhoseTailoredClauseItChanged() throws IOException {
    Path trust = copyOfExample();
    Path file = trust.resolve("policies/social-media/social-media-policy-2017.yaml");
    Policy next = PolicyLoader.standard().load(file);
    KeyPair ceo = SigningKeys.generate();
    KeyPair chair = SigningKeys.generate();
    Keyring board = Keyring.builder()
        .addKeys(TrustedKey.builder().office("ceo").name("Jenny Pascoe").publicKey(SigningKeys.publicPem(ceo.getPublic())).build())
        .addKeys(TrustedKey.builder().office("chair").name("Tom Evans").publicKey(SigningKeys.publicPem(chair.getPublic())).build())
        .build();
    Files.writeString(trust.resolve("policies/social-media/social-media-policy-2017.keyring.yaml"), Approvals.writeKeyring(board));
    List<ApprovalRecord> records = List.of(
        Approvals.sign(next, ceo.getPrivate(), "ceo", board, Decision.APPROVED, LocalDate.of(2017, 10, 25), Optional.empty()),
        Approvals.sign(next, chair.getPrivate(), "chair", board, Decision.APPROVED, LocalDate.of(2017, 10, 25), Optional.empty()));
    Files.writeString(trust.resolve("policies/social-media/social-media-policy-2017.approvals.yaml"), Approvals.writeRecords(records));

    TrustLibrary library = TrustLibrary.open(trust);
    TrustRegister register = library.register(LocalDate.of(2017, 11, 1), WINDOW);
    RegisterEntry penhallow = register.entry("cat-social-media", Optional.of("Penhallow Academy")).orElseThrow();
    assertEquals(Optional.of("2017.1"), penhallow.edition(), "an academy that tailors nothing follows the new master");
    assertEquals(RegisterState.IN_FORCE, penhallow.state());
    RegisterEntry trelissick = register.entry("cat-social-media", Optional.of("Trelissick Academy")).orElseThrow();
    assertEquals(RegisterState.ATTENTION, trelissick.state());
    assertTrue(trelissick.attention().get(0).contains("clause 'conduct.report-concerns' changed in master edition 2017.1 since 2016.1"),
        trelissick.attention().toString());
    assertTrue(trelissick.attention().get(0).contains("social-media.overlay.yaml:16:5"), trelissick.attention().get(0));
    assertTrue(register.needsAction());
    // The academy's document under the new master still carries its own clauses.
    Overlay overlay = library.overlays("trelissick").get(0);
    Policy policy = library.academyPolicy(overlay, LocalDate.of(2017, 11, 1));
    assertEquals("2017.1", policy.metadata().version());
    assertTrue(policy.clause("conduct.trelissick.personal-devices").isPresent());
  }

  @Test
  void anOverlayNamingAMasterEditionThatDoesNotExistNoLongerApplies() throws IOException {
    Path trust = copyOfExample();
    Path file = trust.resolve("academies/boscawen/social-media.overlay.yaml");
    Files.writeString(file, Files.readString(file).replace("edition: \"2016.1\"", "edition: \"2015.1\""));
    TrustRegister register = TrustLibrary.open(trust).register(LocalDate.of(2017, 3, 1), WINDOW);
    RegisterEntry boscawen = register.entry("cat-social-media", Optional.of("Boscawen Academy")).orElseThrow();
    assertEquals(RegisterState.ATTENTION, boscawen.state());
    assertEquals("the overlay no longer applies", boscawen.status());
    assertTrue(boscawen.attention().get(0).contains("social-media.overlay.yaml:9:3: error: master policy 'cat-social-media' has no edition '2015.1'"),
        boscawen.attention().get(0));
    assertTrue(register.needsAction());
  }

  @Test
  void aTamperedLocalApprovalDoesNotCount() throws IOException {
    Path trust = copyOfExample();
    Path approvals = trust.resolve("academies/trelissick/social-media.approvals.yaml");
    Files.writeString(approvals, Files.readString(approvals).replace("date: 2016-11-08", "date: 2016-11-09"));
    TrustRegister register = TrustLibrary.open(trust).register(LocalDate.of(2017, 3, 1), WINDOW);
    RegisterEntry trelissick = register.entry("cat-social-media", Optional.of("Trelissick Academy")).orElseThrow();
    assertEquals(RegisterState.AWAITING_APPROVAL, trelissick.state());
    assertEquals("master in force; tailoring NOT approved locally", trelissick.status());
  }

  @Test
  void theRegisterPageIsAColouredGridOfPoliciesByAcademiesAndTheSameEachTime() {
    TrustLibrary library = TrustLibrary.open(EXAMPLE);
    String page = RegisterPage.html(library.register(LocalDate.of(2017, 3, 1), WINDOW));
    assertEquals(page, RegisterPage.html(TrustLibrary.open(EXAMPLE).register(LocalDate.of(2017, 3, 1), WINDOW)));
    assertTrue(page.contains("<th scope=\"col\">Trelissick Academy</th>"));
    assertTrue(page.contains("<td class=\"in-force\" title=\"3 variables set, 2 clauses tailored"), page);
    assertTrue(page.contains("Chair of the Local Governing Body of Trelissick Academy Morwenna Hicks"));
    String overdue = RegisterPage.html(library.register(LocalDate.of(2018, 1, 1), WINDOW));
    assertTrue(overdue.contains("<td class=\"overdue\""));
    assertTrue(overdue.contains("<strong>action needed</strong>"));
  }

  /** A library whose master (the example's 2016 edition, signed for the test) reviews on its own cycle and declares a statutory one. */
  private Path libraryWithStatutoryCycle(String reviewFrequency, String statutory) throws IOException {
    Path root = temp.resolve("statutory");
    Path master = root.resolve("policies/social-media/social-media-policy.yaml");
    String text = Files.readString(EXAMPLE.resolve("policies/social-media/social-media-policy.yaml"));
    String changed = text.replace("  reviewFrequency: P1Y\n", "  reviewFrequency: " + reviewFrequency + "\n  statutoryReview:\n    every: "
        + statutory + "\n    source: Keeping Children Safe in Education 2016\n");
    assertFalse(changed.equals(text));
    TrustFolder.write(master, changed);
    TrustFolder.sign(master, LocalDate.of(2016, 10, 20));
    TrustFolder.write(root.resolve("academies/penhallow/social-media.overlay.yaml"),
        Files.readString(EXAMPLE.resolve("academies/penhallow/social-media.overlay.yaml")));
    return root;
  }

  @Test
  void aStricterStatutoryCycleSetsTheNextReviewAndMakesItOverdue() throws IOException {
    TrustRegister register = TrustLibrary.open(libraryWithStatutoryCycle("P2Y", "P1Y")).register(LocalDate.of(2017, 11, 1), WINDOW);
    RegisterEntry master = register.entry("cat-social-media", Optional.empty()).orElseThrow();
    assertEquals(Optional.of(LocalDate.of(2017, 10, 20)), master.nextReview(), "the law's yearly review, not the policy's two-yearly one");
    assertTrue(master.reviewByStatute());
    assertEquals(RegisterState.OVERDUE, master.state());
    assertEquals(Optional.of("every 1 year"), master.statutoryCycle());
    String text = RegisterPage.text(register);
    assertTrue(text.contains("next review 2017-10-20 (statutory: every 1 year, Keeping Children Safe in Education 2016;"
        + " the policy's own: reviewed every 2 years) OVERDUE"), text);
    RegisterEntry penhallow = register.entry("cat-social-media", Optional.of("Penhallow Academy")).orElseThrow();
    assertEquals(RegisterState.OVERDUE, penhallow.state(), "an academy's document is overdue with its master");
    assertTrue(register.needsAction());
    assertTrue(RegisterPage.html(register).contains("<small>statutory: every 1 year, Keeping Children Safe in Education 2016;"));
  }

  @Test
  void aLaxerStatutoryCycleIsShownButThePolicysOwnCycleDecides() throws IOException {
    TrustRegister register = TrustLibrary.open(libraryWithStatutoryCycle("P1Y", "P3Y")).register(LocalDate.of(2017, 3, 1), WINDOW);
    RegisterEntry master = register.entry("cat-social-media", Optional.empty()).orElseThrow();
    assertEquals(Optional.of(LocalDate.of(2017, 10, 20)), master.nextReview());
    assertFalse(master.reviewByStatute());
    assertEquals(RegisterState.IN_FORCE, master.state());
    assertTrue(RegisterPage.text(register).contains("next review 2017-10-20 (reviewed every 1 year; statutory: every 3 years,"
        + " Keeping Children Safe in Education 2016)\n"), RegisterPage.text(register));
  }

  /** The seed's 2016 edition, approved and then marked superseded, beside its 2017 draft (approval due 2017-10-31). */
  private Path supersededBesideADraft() {
    Path root = temp.resolve("superseded");
    Path old = root.resolve("policies/social-media/social-media-policy.yaml");
    TrustFolder.approved(old, TrustFolder.read(TrustFolder.EXAMPLE_2016), TrustFolder.APPROVED_2016, Optional.empty());
    TrustFolder.write(old, TrustFolder.read(old).replace("status: approved", "status: superseded"));
    TrustFolder.sign(old, TrustFolder.APPROVED_2016);
    TrustFolder.write(root.resolve("policies/social-media/social-media-policy-2017.yaml"), TrustFolder.read(TrustFolder.EXAMPLE_2017));
    return root;
  }

  @Test
  void aSupersededEditionBesideTheNextDraftIsNotOverdue() {
    TrustRegister register = TrustLibrary.open(supersededBesideADraft()).register(LocalDate.of(2017, 10, 25), WINDOW);
    RegisterEntry master = register.entry("cat-social-media", Optional.empty()).orElseThrow();
    assertFalse(master.overdue(), RegisterPage.text(register));
    assertEquals(RegisterState.AWAITING_APPROVAL, master.state());
    assertEquals("approved, in force, marked superseded; draft 2017.1 awaiting approval (due by 2017-10-31)", master.status());
    assertFalse(register.needsAction(), "the 2016 edition's review (due 2017-10-12) is not asked for: 2017.1 replaces it");
    RegisterEntry late = TrustLibrary.open(supersededBesideADraft()).register(LocalDate.of(2017, 11, 15), WINDOW)
        .entry("cat-social-media", Optional.empty()).orElseThrow();
    assertEquals(RegisterState.OVERDUE, late.state(), "the draft that replaces it is past the date the Board was to approve it by");
  }

  @Test
  void anEditionWithAnApprovedSuccessorIsNotDueForReview() {
    Path root = TrustFolder.approvedEditions(temp.resolve("both"));
    TrustRegister register = TrustLibrary.open(root).register(LocalDate.of(2017, 10, 20), WINDOW);
    RegisterEntry master = register.entry("cat-social-media", Optional.empty()).orElseThrow();
    assertEquals(Optional.of("2016.1"), master.edition());
    assertFalse(master.overdue(), "2016.1's review fell due on 2017-10-12, and 2017.1 is its review");
    assertEquals("approved, in force until 2017-11-01, when 2017.1 (approved) replaces it", master.status());
    assertEquals(Optional.of(LocalDate.of(2018, 10, 11)), master.nextReview());
  }

  @Test
  void twoEditionsWithOneVersionAreReportedAtTheVersionLineOfTheLaterFile() throws IOException {
    Path trust = copyOfExample();
    Path masters = trust.resolve("policies/social-media");
    Path later = masters.resolve("social-media-policy-2018.yaml");
    Files.copy(masters.resolve("social-media-policy-2017.yaml"), later);
    int line = Files.readAllLines(later).indexOf("  version: \"2017.1\"") + 1;
    List<dev.precept.model.Diagnostic> found = TrustLibrary.open(trust).problems().stream()
        .filter(d -> d.message().contains("give each edition its own version")).toList();
    assertEquals(1, found.size(), found::toString);
    assertEquals(later.toString(), found.get(0).source());
    assertEquals(line, found.get(0).line(), found::toString);
    assertEquals(3, found.get(0).column(), found::toString);
    assertEquals("/metadata/version", found.get(0).pointer());
  }

  @Test
  void theTrustsViewReadsNothingAgainAndLocatesABrokenOverlay() throws IOException {
    Path trust = copyOfExample();
    Path file = trust.resolve("academies/boscawen/social-media.overlay.yaml");
    Files.writeString(file, Files.readString(file).replace("academy: Boscawen Academy", "academy: Boscawen Academy\nacademies: 2"));
    PolicyLibrary library = PolicyLibrary.open(trust);
    TrustLibrary view = library.trust();
    assertTrue(view.library() == library);
    assertEquals(library.policies().stream().flatMap(p -> p.editions().stream()).map(Edition::policy).toList(), view.masterEditions());
    assertEquals(List.of(file), library.problems().stream().map(LoadProblem::file).toList());
    assertEquals(1, view.problems().size(), view.problems().toString());
    assertTrue(view.problems().get(0).describe().startsWith(file + ":"), view.problems().get(0).describe());
    assertTrue(view.problems().get(0).line() > 0);
    assertEquals(List.of("Penhallow Academy", "Trelissick Academy"), view.academies());
    assertTrue(view.register(LocalDate.of(2017, 3, 1), WINDOW).needsAction());
  }

  @Test
  void anUnreadableLocalApprovalsFileCountsForNothingAndIsReported() throws IOException {
    Path trust = copyOfExample();
    Path approvals = trust.resolve("academies/trelissick/social-media.approvals.yaml");
    Files.writeString(approvals, "records: [unclosed\n");
    TrustRegister register = TrustLibrary.open(trust).register(LocalDate.of(2017, 3, 1), WINDOW);
    RegisterEntry trelissick = register.entry("cat-social-media", Optional.of("Trelissick Academy")).orElseThrow();
    assertEquals("master in force; tailoring NOT approved locally", trelissick.status());
    assertTrue(register.problems().stream().anyMatch(p -> p.source().equals(approvals.toString())), register.problems().toString());
    assertTrue(register.needsAction());
  }
}
