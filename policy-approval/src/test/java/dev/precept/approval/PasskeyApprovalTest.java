package dev.precept.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.testkit.Golden;
import dev.precept.testkit.SeedPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A passkey approval proves offline what was approved, and nothing else. */
class PasskeyApprovalTest {
  static final Policy POLICY = SeedPolicy.policy();
  static final Policy EDITION_2017 = PolicyLoader.standard().load(SeedPolicy.EDITION_2017);
  static final String RP = "localhost";
  static final String ORIGIN = "http://localhost:7070";
  static final LocalDate MEETING = LocalDate.of(2016, 10, 12);
  static final SoftwarePasskey CEO = new SoftwarePasskey("jane");
  static final SoftwarePasskey CHAIR = new SoftwarePasskey("tom");
  static final Keyring KEYRING = Keyring.builder()
      .addPasskeys(CEO.trusted("ceo", "Jane Smith", RP, ORIGIN))
      .addPasskeys(CHAIR.trusted("chair", "Tom Evans", RP, ORIGIN))
      .build();

  static ApprovalRecord statement(Policy policy, String office, Decision decision) {
    Keyring.TrustedPasskey passkey = KEYRING.passkeys().stream().filter(p -> p.office().equals(office)).findFirst().orElseThrow();
    return ApprovalRecord.builder().policy(policy.id()).office(office).name(passkey.name()).decision(decision).date(MEETING)
        .minute("Board meeting 12 October 2016, item 7").digest(PolicyDigest.of(policy).toString())
        .key(passkey.fingerprint()).signature("").build();
  }

  static ApprovalRecord approve(SoftwarePasskey passkey, Policy policy, String office) {
    ApprovalRecord statement = statement(policy, office, Decision.APPROVED);
    return passkey.sign(Passkeys.challenge(statement), RP, ORIGIN).on(statement);
  }

  static ApprovalStatus verify(ApprovalRecord... records) {
    return ApprovalCheck.verify(POLICY, List.of(records), KEYRING);
  }

  static List<String> problems(ApprovalStatus status) {
    return status.records().get(0).problems();
  }

  @Test
  void bothSignatoriesApprovingWithPasskeysApproveTheEdition() {
    ApprovalStatus status = verify(approve(CEO, POLICY, "ceo"), approve(CHAIR, POLICY, "chair"));
    assertTrue(status.approved(), status.reasons().toString());
    assertEquals(Optional.of(MEETING), status.approvedOn());
    assertEquals("Tom Evans", status.signatories().get(1).record().orElseThrow().name());
  }

  @Test
  void passkeyAndEd25519ApprovalsCountTogether() {
    var chairKey = SigningKeys.generate();
    Keyring keyring = Keyring.builder().from(KEYRING)
        .addKeys(Keyring.TrustedKey.builder().office("chair").name("Tom Evans").publicKey(SigningKeys.publicPem(chairKey.getPublic())).build())
        .build();
    ApprovalRecord signed = Approvals.sign(POLICY, chairKey.getPrivate(), "chair", keyring, Decision.APPROVED, MEETING, Optional.empty());
    assertTrue(ApprovalCheck.verify(POLICY, List.of(approve(CEO, POLICY, "ceo"), signed), keyring).approved());
  }

  @Test
  void passkeyRecordsAndKeyringsSurviveTheirFiles() {
    List<ApprovalRecord> records = List.of(approve(CEO, POLICY, "ceo"), approve(CHAIR, POLICY, "chair"));
    List<ApprovalRecord> read = Approvals.readRecords(Approvals.writeRecords(records).getBytes(StandardCharsets.UTF_8), "a.approvals.yaml");
    Keyring keyring = Approvals.readKeyring(Approvals.writeKeyring(KEYRING).getBytes(StandardCharsets.UTF_8), "a.keyring.yaml");
    assertEquals(records, read);
    assertEquals(KEYRING.passkeys(), keyring.passkeys());
    assertTrue(ApprovalCheck.verify(POLICY, read, keyring).approved());
  }

  @Test
  void recordedPasskeyApprovalsStillVerify() throws IOException {
    Path folder = Path.of("src/test/resources/passkey-fixture");
    Path policyFile = folder.resolve("social-media-policy.yaml");
    if (Golden.updating()) {
      Files.createDirectories(folder);
      Files.copy(SeedPolicy.FILE, policyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(folder.resolve("social-media-policy.keyring.yaml"), Approvals.writeKeyring(KEYRING));
      Files.writeString(folder.resolve("social-media-policy.approvals.yaml"),
          Approvals.writeRecords(List.of(approve(CEO, POLICY, "ceo"), approve(CHAIR, POLICY, "chair"))));
    }
    Policy policy = PolicyLoader.standard().load(policyFile);
    Keyring keyring = Approvals.readKeyring(Files.readAllBytes(folder.resolve("social-media-policy.keyring.yaml")), "keyring");
    List<ApprovalRecord> records = Approvals.readRecords(Files.readAllBytes(folder.resolve("social-media-policy.approvals.yaml")), "approvals");
    ApprovalStatus status = ApprovalCheck.verify(policy, records, keyring);
    assertTrue(status.approved(), status.reasons().toString());

    ApprovalRecord chair = records.get(1);
    PasskeyAssertion evidence = chair.passkey().orElseThrow();
    byte[] authenticatorData = Base64.getUrlDecoder().decode(evidence.authenticatorData());
    authenticatorData[36] ^= 1; // the signature counter
    ApprovalRecord tampered = ApprovalRecord.builder().from(chair)
        .passkey(PasskeyAssertion.builder().from(evidence).authenticatorData(Passkeys.base64Url(authenticatorData)).build()).build();
    ApprovalStatus refused = ApprovalCheck.verify(policy, List.of(records.get(0), tampered), keyring);
    assertFalse(refused.approved());
    assertTrue(refused.reasons().get(0).startsWith("Chair of Connect Academy Trust's approval does not count: its passkey signature does not verify"),
        refused.reasons().toString());
  }

  @Test
  void approvalsRecordedInChromiumVerifyAndCannotBeRetargeted() throws IOException {
    Path folder = Path.of("src/test/resources/chromium-fixture"); // written by the server's browser test with -Dprecept.golden.update=true
    Policy policy = PolicyLoader.standard().load(folder.resolve("social-media-policy-2017.yaml"));
    Keyring keyring = Approvals.readKeyring(Files.readAllBytes(folder.resolve("social-media-policy-2017.keyring.yaml")), "keyring");
    List<ApprovalRecord> records = Approvals.readRecords(Files.readAllBytes(folder.resolve("social-media-policy-2017.approvals.yaml")), "approvals");
    ApprovalStatus status = ApprovalCheck.verify(policy, records, keyring);
    assertTrue(status.approved(), status.reasons().toString());
    assertTrue(records.stream().allMatch(r -> r.passkey().isPresent()));

    ApprovalRecord reviewed = ApprovalRecord.builder().from(records.get(0)).decision(Decision.REVIEWED_NO_CHANGE).build();
    assertTrue(ApprovalCheck.verify(policy, List.of(reviewed), keyring).records().get(0).problems().get(0)
        .endsWith("a replayed or re-targeted assertion"));
    Keyring.TrustedPasskey enrolled = keyring.passkeys().get(0);
    Keyring elsewhere = Keyring.builder().addPasskeys(Keyring.TrustedPasskey.builder().from(enrolled).origin("https://board.example.org").build())
        .addPasskeys(keyring.passkeys().get(1)).build();
    ApprovalRecord first = records.stream().filter(r -> r.passkey().orElseThrow().credentialId().equals(enrolled.credentialId())).findFirst().orElseThrow();
    assertEquals(List.of("its passkey assertion comes from another origin than https://board.example.org, where the passkey was enrolled"),
        ApprovalCheck.verify(policy, List.of(first), elsewhere).records().get(0).problems());
  }

  @Test
  void tamperedAuthenticatorDataIsRefused() {
    ApprovalRecord record = approve(CEO, POLICY, "ceo");
    PasskeyAssertion evidence = record.passkey().orElseThrow();
    byte[] data = Base64.getUrlDecoder().decode(evidence.authenticatorData());
    data[33] ^= 0x01; // the signature counter's first byte
    ApprovalStatus status = verify(ApprovalRecord.builder().from(record)
        .passkey(PasskeyAssertion.builder().from(evidence).authenticatorData(Passkeys.base64Url(data)).build()).build());
    assertFalse(status.records().get(0).valid());
    assertEquals(List.of("its passkey signature does not verify: the authenticator data or client data was changed after signing, "
        + "or the signature is corrupt"), problems(status));
  }

  /** An approvals file edited by hand: client data that is not JSON is refused as unreadable, never a crash of verify. */
  @Test
  void clientDataThatIsNotJsonIsRefusedAsUnreadable() {
    ApprovalRecord record = approve(CEO, POLICY, "ceo");
    PasskeyAssertion evidence = record.passkey().orElseThrow();
    ApprovalStatus status = verify(ApprovalRecord.builder().from(record)
        .passkey(PasskeyAssertion.builder().from(evidence).clientDataJson(Passkeys.base64Url(new byte[] {0, 0, 0})).build()).build());
    assertFalse(status.records().get(0).valid());
    assertEquals(List.of("its passkey evidence cannot be read (its client data is not the JSON a browser sends)"), problems(status));
  }

  @Test
  void clientDataWithAnotherChallengeIsRefusedAsReplayed() {
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    byte[] otherChallenge = Passkeys.challenge(statement(POLICY, "ceo", Decision.REVIEWED_NO_CHANGE));
    ApprovalRecord record = CEO.sign(otherChallenge, RP, ORIGIN).on(statement);
    ApprovalStatus status = verify(record);
    assertFalse(status.records().get(0).valid());
    assertTrue(problems(status).get(0).startsWith("its passkey assertion was made for another statement"), problems(status).toString());
    assertTrue(problems(status).get(0).endsWith("a replayed or re-targeted assertion"), problems(status).toString());
  }

  @Test
  void changesRequestedRelabelledAsApprovedIsRefused() {
    ApprovalRecord asked = CEO.sign(Passkeys.challenge(statement(POLICY, "ceo", Decision.CHANGES_REQUESTED)), RP, ORIGIN)
        .on(statement(POLICY, "ceo", Decision.CHANGES_REQUESTED));
    assertTrue(verify(asked).records().get(0).valid());
    ApprovalRecord relabelled = ApprovalRecord.builder().from(asked).decision(Decision.APPROVED).build();
    ApprovalStatus status = verify(relabelled, approve(CHAIR, POLICY, "chair"));
    assertFalse(status.approved());
    assertTrue(status.reasons().get(0).contains("a replayed or re-targeted assertion"), status.reasons().toString());
  }

  @Test
  void editedNameOrDateInAPasskeyRecordIsRefused() {
    ApprovalRecord record = approve(CEO, POLICY, "ceo");
    assertFalse(verify(ApprovalRecord.builder().from(record).name("Someone Else").build()).records().get(0).valid());
    assertFalse(verify(ApprovalRecord.builder().from(record).date(MEETING.plusDays(1)).build()).records().get(0).valid());
    assertFalse(verify(ApprovalRecord.builder().from(record).comment("added later").build()).records().get(0).valid());
  }

  @Test
  void assertionFromAnotherOriginIsRefused() {
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    ApprovalRecord record = CEO.sign(Passkeys.challenge(statement), RP, "https://precept.example.net").on(statement);
    assertEquals(List.of("its passkey assertion comes from another origin than http://localhost:7070, where the passkey was enrolled"),
        problems(verify(record)));
  }

  @Test
  void assertionForAnotherRelyingPartyIsRefused() {
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    ApprovalRecord record = CEO.sign(Passkeys.challenge(statement), "precept.example.net", ORIGIN).on(statement);
    assertEquals(List.of("its passkey assertion was made for another relying party than localhost"), problems(verify(record)));
  }

  @Test
  void assertionWithoutUserVerificationIsRefused() {
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    ApprovalRecord record = CEO.sign(Passkeys.challenge(statement), RP, ORIGIN, "webauthn.get", (byte) 0x01).on(statement);
    assertEquals(List.of("its passkey assertion was made without the signatory present and verified by the authenticator"),
        problems(verify(record)));
  }

  @Test
  void registrationClientDataIsNotAnApproval() {
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    ApprovalRecord record = CEO.sign(Passkeys.challenge(statement), RP, ORIGIN, "webauthn.create", (byte) 0x05).on(statement);
    assertEquals(List.of("its client data is not of a passkey sign-in (webauthn.get)"), problems(verify(record)));
  }

  @Test
  void passkeyTrustedForAnotherOfficeIsRefused() {
    ApprovalRecord statement = ApprovalRecord.builder().from(statement(POLICY, "chair", Decision.APPROVED))
        .key(KEYRING.passkeys().get(0).fingerprint()).build();
    ApprovalRecord record = CEO.sign(Passkeys.challenge(statement), RP, ORIGIN).on(statement);
    ApprovalStatus status = verify(approve(CEO, POLICY, "ceo"), record);
    assertFalse(status.approved());
    assertEquals(List.of("its passkey is trusted for office 'ceo', not 'chair'"), status.records().get(1).problems());
    assertEquals("Chair of Connect Academy Trust's approval does not count: its passkey is trusted for office 'ceo', not 'chair'",
        status.reasons().get(0));
  }

  @Test
  void ceoAssertionRetargetedToTheChairIsRefused() {
    ApprovalRecord record = approve(CEO, POLICY, "ceo");
    ApprovalRecord retargeted = ApprovalRecord.builder().from(record).office("chair").build();
    assertEquals(List.of("its passkey is trusted for office 'ceo', not 'chair'"), problems(verify(retargeted)));
  }

  @Test
  void unenrolledPasskeyIsRefused() {
    SoftwarePasskey stranger = new SoftwarePasskey("stranger");
    ApprovalRecord statement = statement(POLICY, "ceo", Decision.APPROVED);
    ApprovalRecord record = stranger.sign(Passkeys.challenge(statement), RP, ORIGIN).on(statement);
    String credential = Passkeys.shortCredential(Passkeys.base64Url(stranger.credentialId));
    assertEquals(List.of("its passkey (credential " + credential + ") is not in the keyring"), problems(verify(record)));
  }

  @Test
  void approvalOfOneEditionDoesNotCountForAnother() {
    List<ApprovalRecord> records = List.of(approve(CEO, POLICY, "ceo"), approve(CHAIR, POLICY, "chair"));
    ApprovalStatus status = ApprovalCheck.verify(EDITION_2017, records, KEYRING, List.of(POLICY), ApprovalCheck::versions);
    assertFalse(status.approved());
    assertTrue(status.reasons().get(0).startsWith("Chief Executive Officer's approval is for an earlier edition sha256:"), status.reasons().toString());
  }

  @Test
  void assertionRetargetedToAnotherEditionIsRefused() {
    List<ApprovalRecord> records = new ArrayList<>();
    for (ApprovalRecord record : List.of(approve(CEO, POLICY, "ceo"), approve(CHAIR, POLICY, "chair"))) {
      records.add(ApprovalRecord.builder().from(record).digest(PolicyDigest.of(EDITION_2017).toString()).build());
    }
    ApprovalStatus status = ApprovalCheck.verify(EDITION_2017, records, KEYRING);
    assertFalse(status.approved());
    assertTrue(status.reasons().get(0).startsWith("Chief Executive Officer's approval does not count: its passkey assertion was made for another statement"),
        status.reasons().toString());
  }

  @Test
  void keyringWithABrokenPasskeyIsRefusedWithItsLocation() {
    String yaml = "passkeys:\n- office: ceo\n  name: Jane Smith\n  credentialId: AAEC\n  publicKey: AAEC\n  rpId: localhost\n  origin: http://localhost\n";
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> Approvals.readKeyring(yaml.getBytes(StandardCharsets.UTF_8), "p.keyring.yaml"));
    assertTrue(e.getMessage().contains("p.keyring.yaml:5:"), e.getMessage());
    assertTrue(e.getMessage().contains("/passkeys/0/publicKey"), e.getMessage());
    assertTrue(e.getMessage().contains("not a COSE public key"), e.getMessage());
  }
}
