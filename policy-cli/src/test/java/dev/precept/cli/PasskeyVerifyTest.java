package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept verify} reads passkey approvals (recorded by the approval round) beside key signatures. */
class PasskeyVerifyTest {
  private static final Path FIXTURE = Path.of("../policy-approval/src/test/resources/passkey-fixture");

  private static Path copy(Path dir) throws Exception {
    for (String name : new String[] {"social-media-policy.yaml", "social-media-policy.keyring.yaml", "social-media-policy.approvals.yaml"}) {
      Files.copy(FIXTURE.resolve(name), dir.resolve(name));
    }
    return dir.resolve("social-media-policy.yaml");
  }

  @Test
  void passkeyApprovalsAreReportedAsVerifiedAndApproveTheEdition(@TempDir Path dir) throws Exception {
    PreceptTest.Run verified = run("verify", copy(dir).toString());
    assertEquals(0, verified.code(), verified.out() + verified.err());
    assertTrue(verified.out().contains("Jane Smith, ceo, approved on 2016-10-12 with a passkey, verified (credential 81f8f6dde883)"),
        verified.out());
    assertTrue(verified.out().contains("APPROVED: every signatory approved exactly this edition"), verified.out());
    PreceptTest.Run json = run("verify", "--format", "json", dir.resolve("social-media-policy.yaml").toString());
    assertTrue(json.out().contains("\"signedWith\" : \"passkey 81f8f6dde883\"") || json.out().contains("\"signedWith\":\"passkey 81f8f6dde883\""), json.out());
  }

  @Test
  void aPasskeyApprovalEditedToAnotherDecisionIsRefused(@TempDir Path dir) throws Exception {
    Path policy = copy(dir);
    Path approvals = dir.resolve("social-media-policy.approvals.yaml");
    String text = Files.readString(approvals);
    int chair = text.indexOf("office: chair");
    Files.writeString(approvals, text.substring(0, chair) + text.substring(chair).replaceFirst("decision: approved", "decision: reviewed-no-change"));
    PreceptTest.Run refused = run("verify", policy.toString());
    assertEquals(1, refused.code(), refused.out());
    assertTrue(refused.out().contains("REFUSED          Tom Evans, chair, reviewed-no-change on 2016-10-12 with a passkey (credential "), refused.out());
    assertTrue(refused.out().contains("a replayed or re-targeted assertion"), refused.out());
  }
}
