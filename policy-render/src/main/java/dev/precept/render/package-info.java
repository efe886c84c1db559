/**
 * The Board's document: the policy rendered to HTML, Markdown and PDF, reading like the original.
 *
 * <p>Entry point: {@link dev.precept.render.DocumentRenderer}.
 *
 * <pre>{@code
 * DocumentRenderer renderer = DocumentRenderer.standard();
 * String html = renderer.html(policy, SignatureBlock.unsigned(policy));
 * renderer.pdf(policy, SignatureBlock.unsigned(policy), outputStream);
 * }</pre>
 *
 * <p>Policy text is data: it is escaped into HTML in Java before any template sees it, and the
 * templates run in Velocity's strict mode with its secure introspector.
 *
 * <p>The public API: {@link dev.precept.render.DocumentRenderer}, {@link
 * dev.precept.render.SignatureBlock} (built from an approval status), {@link
 * dev.precept.render.PdfSigning}, and {@link dev.precept.render.PolicySite} (a static website of
 * {@link dev.precept.render.PublishedPolicy published policies}).
 */
@dev.precept.model.PreceptStyle
package dev.precept.render;

