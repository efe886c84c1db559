/**
 * The importer: reads a policy that already exists as a Word document, Markdown or plain text and
 * writes a first YAML skeleton of it for the clerk to finish.
 *
 * <p>Entry point: {@link dev.precept.importer.PolicyImporter}. The skeleton keeps every paragraph
 * of the source as a clause, in order; what it guesses (clause kinds, metadata it could not find)
 * carries a {@code # review:} comment, and {@link dev.precept.importer.ImportReport} lists what is
 * left to do: roles to declare, consequences to attach, exceptions to model.
 *
 * <pre>{@code
 * ImportedPolicy imported = PolicyImporter.standard().read(Path.of("social-media-policy.docx"));
 * Files.writeString(Path.of("social-media-policy.yaml"), imported.yaml());
 * imported.report().lines().forEach(System.out::println);
 * }</pre>
 */
@dev.precept.model.PreceptStyle
package dev.precept.importer;
