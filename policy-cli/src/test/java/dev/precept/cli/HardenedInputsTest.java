package dev.precept.cli;

import static dev.precept.cli.PreceptTest.SEED;
import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes with inputs get messages of their own, in the user's terms, never the JDK's internals. */
class HardenedInputsTest {
  @Test
  void aBadDateIsExplainedWithoutTheParsersExceptionText(@TempDir Path dir) throws Exception {
    Path policy = Files.copy(Path.of(SEED), dir.resolve("policy.yaml"));

    PreceptTest.Run run = run("sign", policy.toString(), "--key", dir.resolve("k.pem").toString(), "--as", "chair",
        "--date", "2016-13-45");

    assertEquals(2, run.code());
    assertTrue(run.err().contains("'2016-13-45' is not a date: use YYYY-MM-DD"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aDamagedPublicKeyIsExplainedWithoutTheJdksDecoderText(@TempDir Path dir) throws Exception {
    Path policy = Files.copy(Path.of(SEED), dir.resolve("policy.yaml"));
    Path key = Files.writeString(dir.resolve("damaged.pub.pem"), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");

    PreceptTest.Run run = run("trust", policy.toString(), "--office", "chair", "--name", "Tom Evans", "--public-key", key.toString());

    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("not an Ed25519 public key in PEM (the block does not hold an Ed25519 key)"), run.err());
    assertFalse(run.err().contains("Der"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aFolderGivenAsAFileIsCalledAFolder(@TempDir Path dir) {
    PreceptTest.Run validate = run("check", dir.toString());
    PreceptTest.Run evaluate = run("evaluate", SEED, dir.toString());

    assertEquals(2, validate.code());
    assertTrue(validate.err().contains(dir + ": is a folder, not a file"), validate.err());
    assertEquals(2, evaluate.code());
    assertTrue(evaluate.err().contains(dir + ": is a folder, not a file"), evaluate.err());
  }

  @Test
  void aPipeGivenAsAFileIsRefusedAtOnceNotWaitedOn(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("incident.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo made the pipe");

    PreceptTest.Run validate = run("validate", fifo.toString());
    PreceptTest.Run evaluate = run("evaluate", SEED, fifo.toString());

    assertTrue(validate.err().contains("is not a regular file (a pipe, socket or device)"), validate.err());
    assertTrue(evaluate.err().contains("is not a regular file (a pipe, socket or device)"), evaluate.err());
  }

  @Test
  void foldersMadeForKeysAreTheOwnersAlone(@TempDir Path dir) throws Exception {
    Path keys = dir.resolve("board").resolve("keys");

    PreceptTest.Run run = run("keygen", "--out", keys.toString(), "--name", "Tom Evans");

    assertEquals(0, run.code(), run.err());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.getParent())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("tom-evans.key.pem"))));
  }
}
