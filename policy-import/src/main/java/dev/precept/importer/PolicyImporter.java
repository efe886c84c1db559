package dev.precept.importer;

import org.apiguardian.api.API;

import dev.precept.importer.internal.Block;
import dev.precept.importer.internal.DocxReader;
import dev.precept.importer.internal.MarkdownReader;
import dev.precept.importer.internal.Skeleton;
import dev.precept.importer.internal.SourceDocument;
import dev.precept.importer.internal.TextReader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads an existing policy (Word .docx, Markdown .md, plain text .txt) and makes a first YAML
 * skeleton of it: metadata it can find, a section per heading, a clause per paragraph or list item,
 * each clause's kind guessed from its wording and marked for review.
 *
 * <pre>{@code
 * ImportedPolicy imported = PolicyImporter.standard().read(Path.of("policy.docx"));
 * }</pre>
 *
 * <p>The skeleton always validates: {@link #read(Path)} loads it with {@link PolicyLoader} before
 * returning it. The same file gives byte-identical YAML. Instances are immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PolicyImporter {
  private static final PolicyImporter STANDARD = new PolicyImporter();
  /** Larger than any policy document; a guard against being handed a disk image. */
  private static final long MAX_BYTES = 50L * 1024 * 1024;

  private PolicyImporter() {}

  /** The importer. */
  public static PolicyImporter standard() {
    return STANDARD;
  }

  /**
   * Imports a file, choosing the reader by its extension ({@code .docx}, {@code .md} or
   * {@code .markdown}, {@code .txt}).
   *
   * @throws ImportException when the file is missing, of another format, protected by a password,
   *     damaged, or holds no policy text; the message names the file and what to do
   */
  public ImportedPolicy read(Path file) {
    byte[] bytes = bytes(file);
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    SourceDocument source;
    if (lower.endsWith(".docx")) {
      source = docx(file, bytes);
    } else if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      List<String> notes = new ArrayList<>();
      List<Block> blocks = MarkdownReader.read(text(file, bytes), notes);
      source = SourceDocument.of(file.toString(), blocks, notes);
    } else if (lower.endsWith(".txt") || lower.endsWith(".text")) {
      source = SourceDocument.of(file.toString(), TextReader.read(text(file, bytes)), List.of());
    } else if (lower.endsWith(".doc")) {
      throw new ImportException(file + ": is an old-format Word document (.doc); open it in Word or LibreOffice and"
          + " save it as .docx, then import that; nothing was written");
    } else {
      throw new ImportException(file + ": Precept imports .docx, .md and .txt files, not '"
          + (lower.contains(".") ? lower.substring(lower.lastIndexOf('.')) : name) + "'; nothing was written");
    }
    Skeleton.Result skeleton = Skeleton.build(source, modified(file));
    Policy policy;
    try {
      policy = PolicyLoader.standard().parse(skeleton.yaml(), name);
    } catch (PolicyValidationException e) {
      // The skeleton is built to validate; if it does not, that is Precept's fault, not the user's.
      throw new IllegalStateException("the imported skeleton of " + file + " does not validate: " + e.getMessage(), e);
    }
    return ImportedPolicy.builder().yaml(skeleton.yaml()).policy(policy).report(skeleton.report()).build();
  }

  private static byte[] bytes(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ImportException(file + ": is a folder, not a document");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ImportException(String.format(Locale.ROOT, "%s: is %,d bytes, more than the %,d bytes a policy document"
            + " may have; nothing was written", file, size, MAX_BYTES));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImportException(file + ": no such file");
    } catch (IOException e) {
      throw new ImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static SourceDocument docx(Path file, byte[] bytes) {
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(bytes);
    } catch (RuntimeException e) {
      magic = FileMagic.UNKNOWN;
    }
    if (magic == FileMagic.OLE2) {
      throw new ImportException(file + ": " + (encrypted(bytes)
          ? "is protected by a password; open it in Word, remove the password (File > Info > Protect Document),"
              + " save it and import that copy"
          : "is an old-format Word document (.doc) under a .docx name; save it as .docx in Word or LibreOffice")
          + "; nothing was written");
    }
    if (magic != FileMagic.OOXML) {
      throw new ImportException(file + ": is not a Word document (a .docx file is a zip archive; this one is not"
          + " one); nothing was written");
    }
    try {
      return DocxReader.read(file.toString(), new ByteArrayInputStream(bytes));
    } catch (EncryptedDocumentException e) {
      throw new ImportException(file + ": is protected by a password; remove the password in Word and import that copy;"
          + " nothing was written", e);
    } catch (IOException | RuntimeException e) {
      throw new ImportException(file + ": is damaged or not a Word document (" + firstLine(e) + "); open it in Word,"
          + " save it again and import that copy; nothing was written", e);
    }
  }

  private static boolean encrypted(byte[] bytes) {
    try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
      return ole.getRoot().hasEntry("EncryptionInfo") || ole.getRoot().hasEntry("EncryptedPackage");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The text of a text file: UTF-8 (a byte-order mark dropped), else Windows-1252 as Word saves it. */
  private static String text(Path file, byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new ImportException(file + ": is not a text file (it holds binary data); nothing was written");
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\ufeff") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static LocalDate modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } catch (IOException e) {
      return LocalDate.of(1970, 1, 1);
    }
  }

}
