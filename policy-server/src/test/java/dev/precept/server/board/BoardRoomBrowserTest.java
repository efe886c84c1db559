package dev.precept.server.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalRound;
import dev.precept.approval.ApprovalRounds;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.server.internal.board.BoardRoom;
import dev.precept.testkit.Golden;
import dev.precept.testkit.SeedPolicy;
import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The Board approves in real headless Chromium with a virtual passkey authenticator: enrol, the
 * secretary confirms, decide; and every way of approving something else is refused.
 */
class BoardRoomBrowserTest {
  private static ChromeDriver browser;
  private static final String MEETING = "Board meeting 12 October 2017, item 4";

  @TempDir Path library;
  private Javalin server;
  private String origin;
  private ApprovalRound round;
  private Map<String, String> links;
  private String secretaryLink;
  private VirtualAuthenticator authenticator;

  @BeforeAll
  static void startBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** A library holding the 2016 edition, approved with keys, and the 2017 edition under review in a round. */
  @BeforeEach
  void openRound() throws IOException {
    Path in2016 = library.resolve("social-media-policy.yaml");
    Files.copy(SeedPolicy.FILE, in2016);
    Files.copy(SeedPolicy.FILE.resolveSibling("social-media-policy.cases.yaml"), library.resolve("social-media-policy.cases.yaml"));
    Path in2017 = library.resolve("social-media-policy-2017.yaml");
    Files.copy(SeedPolicy.EDITION_2017, in2017);
    Files.copy(SeedPolicy.EDITION_2017.resolveSibling("social-media-policy-2017.cases.yaml"), library.resolve("social-media-policy-2017.cases.yaml"));
    approveWithKeys(in2016);

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    origin = "http://localhost:" + port;
    BoardRoom room = new BoardRoom(library, origin, "localhost", Clock.systemUTC());
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      room.install(config);
    }).start();

    Policy policy = PolicyLoader.standard().load(in2017);
    ApprovalRounds.Opened opened = ApprovalRounds.open(policy, MEETING, LocalDate.now().plusDays(7),
        Map.of("ceo", "Jane Smith", "chair", "Tom Evans"), LocalDate.now(), new SecureRandom());
    ApprovalRounds.replace(library.resolve("social-media-policy-2017.round.yaml"), () -> ApprovalRounds.write(opened.round()));
    round = opened.round();
    links = opened.links();
    secretaryLink = opened.secretaryLink();
    authenticator = newAuthenticator();
  }

  @AfterEach
  void stopServer() {
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
    server.stop();
  }

  private static void approveWithKeys(Path policyFile) throws IOException {
    Policy policy = PolicyLoader.standard().load(policyFile);
    KeyPair ceo = SigningKeys.generate();
    KeyPair chair = SigningKeys.generate();
    Keyring keyring = Keyring.builder()
        .addKeys(TrustedKey.builder().office("ceo").name("Jane Smith").publicKey(SigningKeys.publicPem(ceo.getPublic())).build())
        .addKeys(TrustedKey.builder().office("chair").name("Tom Evans").publicKey(SigningKeys.publicPem(chair.getPublic())).build())
        .build();
    LocalDate date = LocalDate.of(2016, 10, 12);
    Files.writeString(policyFile.resolveSibling("social-media-policy.keyring.yaml"), Approvals.writeKeyring(keyring));
    Files.writeString(policyFile.resolveSibling("social-media-policy.approvals.yaml"), Approvals.writeRecords(List.of(
        Approvals.sign(policy, ceo.getPrivate(), "ceo", keyring, Decision.APPROVED, date, Optional.empty()),
        Approvals.sign(policy, chair.getPrivate(), "chair", keyring, Decision.APPROVED, date, Optional.empty()))));
  }

  private static VirtualAuthenticator newAuthenticator() {
    return ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(authenticatorOptions());
  }

  private static VirtualAuthenticatorOptions authenticatorOptions() {
    return new VirtualAuthenticatorOptions()
        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
        .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true);
  }

  private void useNewAuthenticator() {
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
    authenticator = newAuthenticator();
  }

  private String link(String office) {
    return origin + "/board/" + round.id() + "/" + office + "/" + links.get(office);
  }

  private String secretaryPage() {
    return origin + "/board/" + round.id() + "/secretary/" + secretaryLink;
  }

  private static String outcome() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    return wait.until(d -> {
      String text = d.findElement(By.id("outcome")).getText();
      return text.isBlank() ? null : text;
    });
  }

  private void enrol(String office) {
    browser.get(link(office));
    browser.findElement(By.id("enrol")).click();
    String said = outcome();
    assertTrue(said.contains("is registered. The secretary will confirm it once you tell them, in person or by phone, that you have just registered"), said);
    browser.get(link(office));
    String waiting = browser.findElement(By.cssSelector("p.note")).getText();
    assertTrue(waiting.startsWith("Your passkey is registered and waits for the secretary to confirm it. "
        + "If you have not yet done so, tell the secretary, in person or by phone, that you have just registered"), waiting);
    browser.get(secretaryPage());
    browser.findElement(By.id("confirm-" + office)).click();
    // The confirmation is a form post: wait for the page it leads to, not the one it leaves.
    String confirmed = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
      try {
        String text = d.findElement(By.tagName("main")).getText();
        return text.contains("None waiting.") ? text : null;
      } catch (org.openqa.selenium.WebDriverException e) {
        return null;
      }
    });
    assertTrue(confirmed.contains("None waiting."), confirmed);
  }

  private String decide(String office, String decision) {
    browser.get(link(office));
    browser.findElement(By.cssSelector("input[value=" + decision + "]")).click();
    browser.findElement(By.id("decide")).click();
    return outcome();
  }

  /** Lets the page offer any passkey on the authenticator, as a forged or careless client could. */
  private static void offerAnyPasskey() {
    browser.executeScript("const get = navigator.credentials.get.bind(navigator.credentials);"
        + "navigator.credentials.get = o => { o.publicKey.allowCredentials = []; return get(o); };");
  }

  private List<ApprovalRecord> records() {
    Path file = library.resolve("social-media-policy-2017.approvals.yaml");
    try {
      return Files.exists(file) ? Approvals.readRecords(Files.readAllBytes(file), file.toString()) : List.of();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ApprovalStatus verify() throws IOException {
    Path policyFile = library.resolve("social-media-policy-2017.yaml");
    return ApprovalCheck.verify(PolicyLoader.standard().load(policyFile), records(),
        Approvals.readKeyring(Files.readAllBytes(library.resolve("social-media-policy-2017.keyring.yaml")), "keyring"));
  }

  @Test
  void theBoardEnrolsApprovesAndTheRoundCompletesWithRecordsThatVerifyOffline() throws IOException {
    browser.get(link("chair") + "/read/document.html");
    assertTrue(String.valueOf(browser.findElement(By.tagName("body")).getDomAttribute("class")).contains("draft"), "a document under review is a draft");
    browser.get(link("chair") + "/read/changes.html");
    assertTrue(browser.getPageSource().contains("2016.1"), "the changes are since the edition in force");

    enrol("chair");
    assertTrue(decide("chair", "approved").startsWith("Thank you: your decision is recorded. You approved this edition on"));
    browser.get(secretaryPage());
    String status = browser.findElement(By.id("round-status")).getText();
    assertTrue(status.contains("Tom Evans approved on"), status);
    assertTrue(status.contains("with a passkey, verified (credential"), status);
    assertTrue(status.contains("Jane Smith not yet decided (no passkey yet)"), status);
    assertTrue(browser.findElements(By.id("complete")).isEmpty());

    useNewAuthenticator();
    enrol("ceo");
    assertTrue(decide("ceo", "approved").contains("your decision is recorded"));
    browser.get(secretaryPage());
    assertFalse(browser.findElements(By.id("complete")).isEmpty(), "the round is complete when every signatory approved");

    ApprovalStatus verified = verify();
    assertTrue(verified.approved(), verified.reasons().toString());
    assertEquals(2, records().size());
    assertTrue(records().stream().allMatch(r -> r.passkey().isPresent() && r.minute().equals(Optional.of(MEETING))));
    browser.get(link("ceo") + "/read/document.html");
    assertFalse(String.valueOf(browser.findElement(By.tagName("body")).getDomAttribute("class")).contains("draft"), "an approved document loses its DRAFT mark");
    assertTrue(browser.getPageSource().contains("approved with a passkey, verified (credential"), "the signature block shows the evidence");
    String pdf = pdfText(link("ceo") + "/read/document.pdf");
    assertTrue(pdf.contains("Jane Smith"), pdf);
    assertTrue(pdf.replaceAll("\\s+", " ").contains("approved with a passkey, verified (credential"), "the PDF's signature page shows the evidence");
    if (Golden.updating()) { // record what real Chromium signed, for the approval module's fixture tests
      Path fixture = Path.of("../policy-approval/src/test/resources/chromium-fixture");
      Files.createDirectories(fixture);
      for (String name : List.of("social-media-policy-2017.yaml", "social-media-policy-2017.keyring.yaml", "social-media-policy-2017.approvals.yaml")) {
        Files.copy(library.resolve(name), fixture.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String pdfText(String url) throws IOException {
    try {
      byte[] bytes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
      try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
        return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void aRequestForChangesIsRecordedWithItsComment() {
    enrol("chair");
    browser.get(link("chair"));
    browser.findElement(By.cssSelector("input[value=changes-requested]")).click();
    browser.findElement(By.id("comment")).sendKeys("Clause 3.4 should name the Safeguarding Lead.");
    browser.findElement(By.id("decide")).click();
    assertTrue(outcome().contains("You asked for changes"));
    ApprovalRecord record = records().get(0);
    assertEquals(Decision.CHANGES_REQUESTED, record.decision());
    assertEquals(Optional.of("Clause 3.4 should name the Safeguarding Lead."), record.comment());
  }

  @Test
  void aPasskeyNotEnrolledIsRefused() {
    enrol("chair");
    useNewAuthenticator();
    browser.get(link("ceo"));
    browser.findElement(By.id("enrol")).click();
    outcome(); // registered on this authenticator, but the secretary never confirms it
    browser.get(link("chair"));
    offerAnyPasskey();
    browser.findElement(By.cssSelector("input[value=approved]")).click();
    browser.findElement(By.id("decide")).click();
    String said = outcome();
    assertTrue(said.contains("is not enrolled for this policy: your decision was not recorded."), said);
    assertTrue(records().isEmpty());
  }

  @Test
  void aPasskeyEnrolledForAnotherOfficeIsRefused() {
    enrol("chair");
    useNewAuthenticator();
    enrol("ceo"); // this authenticator now holds only the Chief Executive Officer's passkey
    browser.get(link("chair"));
    offerAnyPasskey();
    browser.findElement(By.cssSelector("input[value=approved]")).click();
    browser.findElement(By.id("decide")).click();
    String said = outcome();
    assertEquals("This passkey is enrolled for the Chief Executive Officer, not for the Chair of Connect Academy Trust: "
        + "your decision was not recorded.", said);
    assertTrue(records().isEmpty());
  }

  @Test
  void aLinkForAnotherPersonIsRefused() {
    browser.get(origin + "/board/" + round.id() + "/chair/" + links.get("ceo"));
    String page = browser.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("This link is not valid"), page);
    assertFalse(browser.getPageSource().contains("Register my passkey"));
    browser.get(origin + "/board/" + round.id() + "/secretary/" + links.get("chair"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("This link is not valid"));
  }

  @Test
  void anEditionChangedAfterTheRoundOpenedCannotBeApproved() throws IOException {
    enrol("chair");
    Path policy = library.resolve("social-media-policy-2017.yaml");
    String text = Files.readString(policy);
    Files.writeString(policy, text.replaceFirst("must not", "should not"));
    String said = decide("chair", "approved");
    assertTrue(said.startsWith("The policy was changed after this round opened"), said);
    assertTrue(records().isEmpty());
    browser.get(link("chair"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Nothing can be approved in this round"));
  }

  @Test
  void thePageSaysWhichEditionAndDigestIsPutToTheBoardAndWhichEditionItReplaces() {
    browser.get(link("chair"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Version 2017.1 for " + MEETING));
    assertEquals("Its digest is " + round.digest().substring("sha256:".length(), "sha256:".length() + 12)
        + ": the same digest is printed at the foot of every page of the document, and each decision made here signs this digest. "
        + "This edition replaces version 2016.1, approved on 12 October 2016.", browser.findElement(By.id("edition")).getText());
  }

  @Test
  void aCancelledPasskeyRequestSaysSoInPlainWordsAndRecordsNothing() {
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
    // the person cancels the fingerprint, face or PIN prompt: the device does not verify them
    authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(authenticatorOptions().setIsUserVerified(false));
    browser.get(link("chair"));
    browser.findElement(By.id("enrol")).click();
    assertEquals("Your passkey was not registered: your device did not use your passkey (it was cancelled, or took too long). "
        + "Press \u201cRegister my passkey\u201d to try again.", outcome());
    assertTrue(ApprovalRounds.read(library.resolve("social-media-policy-2017.round.yaml")).enrolments().isEmpty());

    useNewAuthenticator();
    enrol("chair");
    authenticator.setUserVerified(false);
    assertEquals("Your decision was not recorded: your device did not use your passkey (it was cancelled, or took too long). "
        + "Press \u201cSign my decision with my passkey\u201d to try again.", decide("chair", "approved"));
    assertTrue(records().isEmpty());
  }

  @Test
  void aSignatoryWhoComesBackAfterDecidingIsToldTheirDecisionIsRecorded() {
    enrol("chair");
    decide("chair", "reviewed-no-change");
    assertFalse(browser.findElement(By.id("decide")).isDisplayed(), "once recorded, the decision is not offered again on the same page");
    browser.get(link("chair"));
    String told = browser.findElement(By.id("your-decision")).getText();
    assertTrue(told.startsWith("You have decided: you reviewed this edition and approved it with no change on "), told);
    assertTrue(told.contains("with a passkey, verified (credential"), told);
    assertTrue(told.contains("your latest decision is the one that counts"), told);
    assertTrue(browser.findElements(By.tagName("h2")).stream().anyMatch(h -> h.getText().equals("Change your decision")), "the form offers a change");
    String status = browser.findElement(By.id("round-status")).getText();
    assertTrue(status.contains("Tom Evans reviewed, approved with no change on"), status);
  }

  @Test
  void everyReadingRoomPageFitsATabletWithoutSidewaysScrolling() {
    for (int[] size : new int[][] {{768, 1024}, {1024, 768}}) {
      browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 2, "mobile", true));
      try {
        for (String page : List.of("", "/read/index.html", "/read/document.html", "/read/changes.html", "/read/check.html", "/read/cases.html")) {
          browser.get(link("chair") + page);
          Object widths = browser.executeScript("const e = document.documentElement; return [e.clientWidth, e.scrollWidth];");
          assertEquals(List.of((long) size[0], (long) size[0]), widths,
              "the page " + (page.isEmpty() ? "/" : page) + " at " + size[0] + "x" + size[1] + " is laid out at the tablet's width [layout width, content width]");
        }
      } finally {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
    }
  }

  @Test
  void theChangesShowNewWordsUnderlinedAndDeletedWordsStruckThroughNotByColourAlone() {
    browser.get(link("chair") + "/read/changes.html");
    Object marks = browser.executeScript("const line = s => getComputedStyle(document.querySelector(s)).textDecorationLine;"
        + "return [line('ins'), line('del')];");
    assertEquals(List.of("underline", "line-through"), marks);
  }

  @Test
  void theWhoHasDecidedTableChangesInPlaceAfterARegistrationAndADecisionWithoutAReload() {
    browser.get(link("chair"));
    assertTrue(browser.findElement(By.id("round-status")).getText().contains("Tom Evans not yet decided (no passkey yet)"));
    browser.executeScript("document.documentElement.dataset.sameVisit = 'yes';");
    browser.findElement(By.id("enrol")).click();
    outcome();
    String registered = browser.findElement(By.id("round-status")).getText();
    assertTrue(registered.contains("Tom Evans not yet decided (passkey waits for confirmation)"), registered);

    browser.get(secretaryPage());
    browser.findElement(By.id("confirm-chair")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("main")).getText().contains("None waiting."));
    browser.get(link("chair"));
    browser.executeScript("document.documentElement.dataset.sameVisit = 'yes';");
    browser.findElement(By.cssSelector("input[value=approved]")).click();
    browser.findElement(By.id("decide")).click();
    outcome();
    String decided = browser.findElement(By.id("round-status")).getText();
    assertTrue(decided.contains("Tom Evans approved on"), decided);
    assertTrue(decided.contains("with a passkey, verified (credential"), decided);
    assertTrue(decided.contains("Jane Smith not yet decided (no passkey yet)"), decided);
    assertEquals("yes", browser.executeScript("return document.documentElement.dataset.sameVisit;"), "the page was not reloaded");
  }

  @Test
  void afterRegisteringThePageTellsThePersonToTellTheSecretaryAndOffersNoSecondRegistration() {
    browser.get(link("chair"));
    browser.findElement(By.id("enrol")).click();
    String said = outcome();
    assertFalse(browser.findElement(By.id("enrol")).isDisplayed(), "a second press would register a second passkey for the secretary to confirm");
    assertTrue(said.endsWith("is registered. The secretary will confirm it once you tell them, in person or by phone, "
        + "that you have just registered: please do so now. Then you can decide on this page."), said);
    browser.get(link("chair"));
    assertEquals("Your passkey is registered and waits for the secretary to confirm it. If you have not yet done so, tell the secretary, "
        + "in person or by phone, that you have just registered: they confirm it only then. Come back to this page once they have.",
        browser.findElement(By.cssSelector("p.note")).getText());
  }

  /** axe-core's violations on the page in the browser, each as "rule: help (elements)". */
  @SuppressWarnings("unchecked")
  private static List<String> accessibilityViolations() {
    try (java.io.InputStream axe = BoardRoomBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      browser.executeScript(new String(axe.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return (List<String>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ('"
        + " + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')), e => done(['axe failed: ' + e]));");
  }

  @Test
  void everyPageOfTheReadingRoomPassesAnAccessibilityCheck() {
    java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
    browser.get(link("chair"));
    found.put("the page before registering", accessibilityViolations());
    for (String page : List.of("index.html", "document.html", "changes.html", "check.html", "cases.html")) {
      browser.get(link("chair") + "/read/" + page);
      found.put(page, accessibilityViolations());
    }
    enrol("chair");
    browser.get(link("chair"));
    found.put("the page with the decision", accessibilityViolations());
    browser.get(link("ceo"));
    browser.findElement(By.id("enrol")).click();
    outcome();
    browser.get(secretaryPage());
    found.put("the secretary's page with a passkey to confirm", accessibilityViolations());
    found.values().removeIf(List::isEmpty);
    assertEquals(Map.of(), found);
  }

  @Test
  void aPageOpenedOnAnAddressThatIsNotSecureSaysPasskeysNeedHttps() {
    browser.get(link("chair"));
    browser.executeScript("Object.defineProperty(window, 'isSecureContext', {value: false});"); // as on a plain http address
    browser.findElement(By.id("enrol")).click();
    assertEquals("Passkeys work only on a secure (https) address, and this page was not opened on one. Nothing was recorded: tell the secretary.",
        outcome());
  }

  @Test
  void aLinkOpenedOnAnotherAddressOfTheServerSaysToOpenTheLinkAsSent() {
    browser.get(link("chair").replace("//localhost:", "//127.0.0.1:")); // the same server, but not the address passkeys are bound to
    browser.findElement(By.id("enrol")).click();
    assertEquals("Your passkey was not registered: this page\u2019s address is not the one the server\u2019s passkeys are set up for. "
        + "Open the link exactly as the secretary sent it, or tell the secretary.", outcome());
    assertTrue(ApprovalRounds.read(library.resolve("social-media-policy-2017.round.yaml")).enrolments().isEmpty());
  }
}
