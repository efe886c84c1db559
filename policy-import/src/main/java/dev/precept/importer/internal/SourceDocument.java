package dev.precept.importer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A source document read into blocks, with what its container says about it.
 *
 * @param name the file name, for messages
 * @param blocks the body in reading order
 * @param marginalia text of headers and footers (searched for metadata, never made into clauses)
 * @param title the title from the document's properties, if set
 * @param organisation the company from the document's properties, if set
 * @param created the creation date from the document's properties, if set
 * @param notes what was changed in form while reading (tables flattened, text skipped)
 */
public record SourceDocument(String name, List<Block> blocks, List<String> marginalia, Optional<String> title,
    Optional<String> organisation, Optional<LocalDate> created, List<String> notes) {
  /** A document with nothing but its blocks. */
  public static SourceDocument of(String name, List<Block> blocks, List<String> notes) {
    return new SourceDocument(name, List.copyOf(blocks), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.copyOf(notes));
  }
}
