package dev.precept.server.internal;

import dev.precept.model.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key personal data is hashed under. Kept in a file, not in the database, so a copy of the log
 * alone cannot be searched for a person by guessing: {@code .precept/personal-data.key} inside the
 * library unless another file is given (every instance sharing a database must use the same key).
 */
final class PersonalDataKey {
  private PersonalDataKey() {}

  static byte[] read(Path library, Optional<Path> given) {
    Path file = given.orElse(library.resolve(Database.DATA_FOLDER).resolve("personal-data.key"));
    try {
      if (given.isEmpty() && Files.notExists(file)) {
        Files.createDirectories(file.getParent());
        try {
          Files.writeString(file, Secrets.randomHex(32) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException notPosix) {
            // the folder's own permissions protect it
          }
        } catch (FileAlreadyExistsException raced) {
          // another process made it first: use theirs
        }
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!text.matches("[0-9a-f]{64}")) {
        throw new PolicyException(file + ": not a personal-data key (64 hex digits expected)");
      }
      return HexFormat.of().parseHex(text);
    } catch (IOException e) {
      throw new PolicyException("cannot read the personal-data key " + file + ": " + e.getMessage(), e);
    }
  }
}
