package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyYaml;
import dev.precept.model.ReadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Approval rounds as files, their personal links, and the writes they lead to: each change to a
 * round, a keyring or an approvals file is made whole (temporary file, then an atomic move) by one
 * writer at a time (a lock file across processes, a monitor within one).
 *
 * <pre>{@code
 * ApprovalRounds.Opened opened = ApprovalRounds.open(policy, "Board meeting 12 October 2016",
 *     LocalDate.of(2016, 10, 12), Map.of("ceo", "Jane Smith", "chair", "Tom Evans"), today, new SecureRandom());
 * opened.links().get("chair"); // the token in the chair's personal link
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class ApprovalRounds {
  private static final Object WRITER = new Object();

  private ApprovalRounds() {}

  /** A round just opened, with the tokens of its personal links (shown once, never stored). */
  public record Opened(ApprovalRound round, Map<String, String> links, String secretaryLink) {}

  /**
   * Opens a round on this edition for every signatory the policy declares.
   *
   * @param names the name of the person holding each signatory office
   * @throws PolicyException when a signatory office has no name, or a name is given for an office that does not sign
   */
  public static Opened open(Policy policy, String meeting, LocalDate due, Map<String, String> names, LocalDate today, SecureRandom random) {
    if (due.isBefore(today)) {
      throw new PolicyException("the due date " + due + " is before today (" + today + ")");
    }
    List<String> offices = policy.metadata().signatories().stream().map(s -> s.office()).toList();
    for (String office : names.keySet()) {
      if (!offices.contains(office)) {
        throw new PolicyException("office '" + office + "' does not sign policy " + policy.id() + "; its signatories are " + offices);
      }
    }
    ApprovalRound.Builder round = ApprovalRound.builder()
        .id(HexFormat.of().formatHex(bytes(random, 8)))
        .policy(policy.id())
        .version(policy.metadata().version())
        .digest(PolicyDigest.of(policy).toString())
        .meeting(meeting)
        .opened(today)
        .due(due);
    Map<String, String> links = new LinkedHashMap<>();
    for (String office : offices) {
      String name = Optional.ofNullable(names.get(office)).orElseThrow(() -> new PolicyException(
          "no name for signatory office '" + office + "': say who holds it (--name " + office + "=\"...\")"));
      String token = Passkeys.base64Url(bytes(random, 24));
      links.put(office, token);
      round.addInvitations(ApprovalRound.Invitation.builder().office(office).name(name).link(fingerprint(token)).build());
    }
    String secretary = Passkeys.base64Url(bytes(random, 24));
    return new Opened(round.secretary(fingerprint(secretary)).build(), links, secretary);
  }

  /** The invitation this link token opens, if it is the office's and the round is not past its due date. */
  public static Optional<ApprovalRound.Invitation> invitation(ApprovalRound round, String office, String token, LocalDate today) {
    return round.invitation(office).filter(i -> !today.isAfter(round.due()) && same(i.link(), fingerprint(token)));
  }

  /** Whether this token is the secretary's link to the round. */
  public static boolean isSecretary(ApprovalRound round, String token) {
    return same(round.secretary(), fingerprint(token));
  }

  /**
   * Reads a round file.
   *
   * @throws PolicyException when it is not one
   */
  public static ApprovalRound read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyException("could not read the approval round " + file + ": " + e.getMessage(), e);
    }
    try {
      LocatedDocument document = LocatedDocument.read(bytes, file.toString(), ReadLimits.STANDARD);
      return PolicyYaml.fromTree(document.root(), ApprovalRound.class);
    } catch (JsonProcessingException e) {
      throw new PolicyException(file + " is not an approval round: " + e.getOriginalMessage(), e);
    }
  }

  /** The round as its file's text. */
  public static String write(ApprovalRound round) {
    return "# An approval round, opened with `precept round open`. The links are not stored here, only their fingerprints.\n"
        + PolicyYaml.toYaml(round);
  }

  /** Changes a round file whole, one writer at a time. */
  public static ApprovalRound update(Path file, UnaryOperator<ApprovalRound> change) {
    ApprovalRound[] result = new ApprovalRound[1];
    replace(file, () -> {
      result[0] = change.apply(read(file));
      return write(result[0]);
    });
    return result[0];
  }

  /** Appends a record to an approvals file (creating it), one writer at a time. */
  public static void appendRecord(Path approvalsFile, ApprovalRecord record) {
    replace(approvalsFile, () -> {
      List<ApprovalRecord> records = new ArrayList<>();
      if (Files.isRegularFile(approvalsFile)) {
        records.addAll(Approvals.readRecords(readAll(approvalsFile), approvalsFile.toString()));
      }
      records.add(record);
      return Approvals.writeRecords(records);
    });
  }

  /** Adds a passkey to a keyring file (creating it), one writer at a time. */
  public static void trust(Path keyringFile, Keyring.TrustedPasskey passkey) {
    replace(keyringFile, () -> {
      Keyring keyring = Files.isRegularFile(keyringFile) ? Approvals.readKeyring(readAll(keyringFile), keyringFile.toString()) : Keyring.empty();
      if (keyring.passkeyByCredentialId(passkey.credentialId()).isPresent()) {
        throw new PolicyException("passkey " + Passkeys.shortCredential(passkey.credentialId()) + " is already in the keyring");
      }
      return Approvals.writeKeyring(Keyring.builder().from(keyring).addPasskeys(passkey).build());
    });
  }

  /** Writes the file whole under a lock: the text is computed from the file's current content while the lock is held. */
  public static void replace(Path file, java.util.function.Supplier<String> text) {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (WRITER) {
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = channel.lock();
        try {
          Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
          try {
            Files.writeString(temp, text.get(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(temp);
          }
        } finally {
          held.release();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + file, e);
      }
    }
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(SecureRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String fingerprint(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
