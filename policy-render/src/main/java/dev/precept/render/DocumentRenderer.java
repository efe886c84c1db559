package dev.precept.render;

import org.apiguardian.api.API;

import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.render.internal.Blanks;
import dev.precept.render.internal.DocumentView;
import dev.precept.render.internal.Markup;
import dev.precept.render.internal.PdfMaker;
import dev.precept.render.internal.Templates;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a policy as the document the Board reads and signs: HTML (self-contained, with print
 * styles), Markdown, and PDF made from the HTML with fonts embedded, an outline and page numbers.
 *
 * <pre>{@code
 * DocumentRenderer renderer = DocumentRenderer.standard();
 * String html = renderer.html(policy, SignatureBlock.unsigned(policy));
 * }</pre>
 *
 * <p>To restyle the document without forking, put {@code document.html.vm}, {@code document.md.vm},
 * {@code document.css}, images or {@code .ttf} fonts in a folder and use {@link #withTemplates(Path)};
 * files not there come from the built-in templates. Images are given to the HTML template as data
 * URIs ({@code <img src="$assets.get('logo.png')" alt="..."/>}), so the document stays one
 * self-contained file. The same inputs give byte-identical output.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class DocumentRenderer {
  private static final DocumentRenderer STANDARD = new DocumentRenderer(Optional.empty());

  private final Templates templates;
  private final boolean localNotes;

  private DocumentRenderer(Optional<Path> folder) {
    this(new Templates(folder), true);
  }

  private DocumentRenderer(Templates templates, boolean localNotes) {
    this.templates = templates;
    this.localNotes = localNotes;
  }

  /**
   * This renderer without the numbered notes that mark an academy's own clauses (those with an
   * origin) in its document; by default they are shown.
   */
  public DocumentRenderer withoutLocalNotes() {
    return new DocumentRenderer(templates, false);
  }

  /** The renderer with Precept's own templates. */
  public static DocumentRenderer standard() {
    return STANDARD;
  }

  /** A renderer using the templates, style sheet, images and fonts in {@code folder} where present. */
  public static DocumentRenderer withTemplates(Path folder) {
    return new DocumentRenderer(Optional.of(folder));
  }

  /** The document as self-contained XHTML. */
  public String html(Policy policy, SignatureBlock signatures) {
    return html(policy, signatures, false);
  }

  private String html(Policy policy, SignatureBlock signatures, boolean forPdf) {
    Map<String, Object> view = Map.of(
        "doc", DocumentView.of(policy, signatures, Markup::html, Markup::plain, Blanks.HTML, localNotes),
        "css", templates.text("document.css"),
        "assets", templates.images(),
        "watermark", dev.precept.render.internal.Watermark.draftSvgDataUri(),
        "pdf", forPdf);
    return templates.merge("document.html.vm", view);
  }

  /** The document as Markdown. */
  public String markdown(Policy policy, SignatureBlock signatures) {
    Map<String, Object> view = Map.of(
        "doc", DocumentView.of(policy, signatures, Markup::markdown, Markup::markdown, Blanks.MARKDOWN, localNotes),
        "h1", "#", "h2", "##", "h3", "###");
    return templates.merge("document.md.vm", view);
  }

  /**
   * The document as a Word file (.docx), written to {@code out}: the same headings, numbering,
   * lists, emphasis and signature block as the HTML, a status line and header while it is a draft,
   * and a footer with version and digest. Byte-identical for the same inputs. Templates and
   * style sheets do not apply: the Word file carries its own styles, which the reader can change.
   */
  public void docx(Policy policy, SignatureBlock signatures, OutputStream out) {
    var metadata = policy.metadata();
    java.time.LocalDate date = signatures.approved()
        ? metadata.dates().approved().or(signatures::approvedOn).orElse(metadata.dates().drafted())
        : metadata.dates().drafted();
    dev.precept.render.internal.DocxMaker.render(
        DocumentView.of(policy, signatures, java.util.function.UnaryOperator.identity(), java.util.function.UnaryOperator.identity(),
            Blanks.WORD),
        date, out);
  }

  /** The document as PDF, written to {@code out}. */
  public void pdf(Policy policy, SignatureBlock signatures, OutputStream out) {
    var metadata = policy.metadata();
    PolicyDigest digest = PolicyDigest.of(policy);
    PdfMaker.render(html(policy, signatures, true), templates.folder(), new PdfMaker.Info(
        metadata.organisation() + ": " + metadata.title(),
        metadata.organisation(),
        metadata.title() + ", version " + metadata.version() + (signatures.approved() ? ", approved" : ", draft"),
        policy.id() + ", " + digest,
        signatures.approved() ? metadata.dates().approved().or(signatures::approvedOn).orElse(metadata.dates().drafted())
            : metadata.dates().drafted(),
        digest.hex(),
        !signatures.approved()), out);
  }
}
