package dev.precept.library;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A trust's policy folder for tests: the example social media policy's two editions (2016.1 and
 * 2017.1), each approved by the CEO and the Chair with keys made for the test, as files.
 */
public final class TrustFolder {
  /** The example's 2016 edition. */
  public static final Path EXAMPLE_2016 = example("social-media-policy.yaml");
  /** The example's 2017 edition. */
  public static final Path EXAMPLE_2017 = example("social-media-policy-2017.yaml");
  /** The date the Board approved 2016.1 (its approval completes, so it is in force from then). */
  public static final LocalDate APPROVED_2016 = LocalDate.of(2016, 10, 12);
  /** The date the Board approved 2017.1. */
  public static final LocalDate APPROVED_2017 = LocalDate.of(2017, 10, 11);
  /** The effective date 2017.1 states. */
  public static final LocalDate EFFECTIVE_2017 = LocalDate.of(2017, 11, 1);

  private static final KeyPair CEO = SigningKeys.generate();
  private static final KeyPair CHAIR = SigningKeys.generate();
  private static final Keyring KEYRING = Keyring.builder()
      .addKeys(TrustedKey.builder().office("ceo").name("Ann Example").publicKey(SigningKeys.publicPem(CEO.getPublic())).build())
      .addKeys(TrustedKey.builder().office("chair").name("Bob Example").publicKey(SigningKeys.publicPem(CHAIR.getPublic())).build())
      .build();

  private TrustFolder() {}

  private static Path example(String name) {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("examples/connect-academy-trust"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException("examples/connect-academy-trust not found above " + Path.of("").toAbsolutePath());
    }
    return here.resolve("examples/connect-academy-trust").resolve(name);
  }

  /** Writes both editions, approved, into {@code folder}: 2016.1 in force from its approval, 2017.1 from 2017-11-01. */
  public static Path approvedEditions(Path folder) {
    approved(folder.resolve("social-media-policy.yaml"), read(EXAMPLE_2016), APPROVED_2016, Optional.empty());
    approved(folder.resolve("social-media-policy-2017.yaml"), read(EXAMPLE_2017), APPROVED_2017, Optional.of(EFFECTIVE_2017));
    return folder;
  }

  /** The text of a file. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file, making its folder. */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes an edition marked approved on {@code date} (effective when given), with its keyring and
   * the CEO's and the Chair's signed approvals beside it.
   */
  public static void approved(Path file, String yaml, LocalDate date, Optional<LocalDate> effective) {
    String marked = yaml.replaceFirst("status: draft\n  dates:\n    drafted: ([0-9-]+)\n",
        "status: approved\n  dates:\n    drafted: $1\n    approved: " + date + "\n"
            + effective.map(e -> "    effective: " + e + "\n").orElse(""));
    if (marked.equals(yaml)) {
      throw new IllegalArgumentException("no 'status: draft' dates block to mark approved in " + file);
    }
    write(file, marked);
    sign(file, date);
  }

  /** Signs the edition in {@code file} as it is now, by the CEO and the Chair, writing its keyring and approvals. */
  public static void sign(Path file, LocalDate date) {
    Policy policy = PolicyLoader.standard().load(file);
    List<ApprovalRecord> records = List.of(
        Approvals.sign(policy, CEO.getPrivate(), "ceo", KEYRING, Decision.APPROVED, date, Optional.of("Board minute")),
        Approvals.sign(policy, CHAIR.getPrivate(), "chair", KEYRING, Decision.APPROVED, date, Optional.of("Board minute")));
    String base = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    write(file.resolveSibling(base + ".keyring.yaml"), Approvals.writeKeyring(KEYRING));
    write(file.resolveSibling(base + ".approvals.yaml"), Approvals.writeRecords(records));
  }
}
