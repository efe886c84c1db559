package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --templates folder never lends the published document a file from outside it through a link. */
class TemplateFolderLinksTest {
  private static final Policy POLICY = DocumentRendererTest.POLICY;
  private static final String SECRET = "PRIVATE KEY 0123456789abcdef";

  @Test
  void refusesALogoThatLinksToAFileOutsideTheFolder(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectory(dir.resolve("templates"));
    Path secret = Files.writeString(dir.resolve("signer.key.pem"), SECRET);
    Files.createSymbolicLink(templates.resolve("logo.png"), secret);

    PolicyException refused = assertThrows(PolicyException.class,
        () -> DocumentRenderer.withTemplates(templates).html(POLICY, SignatureBlock.unsigned(POLICY)));

    assertTrue(refused.getMessage().contains("outside the templates folder"), refused.getMessage());
  }

  @Test
  void refusesAStyleSheetOrTemplateThatLinksOutside(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectory(dir.resolve("templates"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Files.createSymbolicLink(templates.resolve("document.css"), secret);
    assertThrows(PolicyException.class, () -> DocumentRenderer.withTemplates(templates).html(POLICY, SignatureBlock.unsigned(POLICY)));

    Files.delete(templates.resolve("document.css"));
    Files.createSymbolicLink(templates.resolve("document.html.vm"), secret);
    PolicyException refused = assertThrows(PolicyException.class,
        () -> DocumentRenderer.withTemplates(templates).html(POLICY, SignatureBlock.unsigned(POLICY)));
    assertFalse(refused.getMessage().contains(SECRET));
  }

  @Test
  void followsALinkThatStaysInsideTheFolder(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectory(dir.resolve("templates"));
    Files.write(templates.resolve("crest.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.createSymbolicLink(templates.resolve("logo.png"), templates.resolve("crest.png"));

    String html = DocumentRenderer.withTemplates(templates).html(POLICY, SignatureBlock.unsigned(POLICY));

    assertFalse(html.contains(SECRET));
  }
}
