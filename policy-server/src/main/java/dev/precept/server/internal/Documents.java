package dev.precept.server.internal;

import dev.precept.library.Edition;
import dev.precept.library.Signature;
import dev.precept.model.Policy;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock.Line;
import dev.precept.render.SignatureBlock;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Board's document of an edition, as HTML or PDF, with the signatures its approvals prove; rendered once per edition. */
final class Documents {
  private static final Map<String, String> HTML = new ConcurrentHashMap<>();
  private static final Map<String, byte[]> PDF = new ConcurrentHashMap<>();
  private static final int KEEP = 64;

  private Documents() {}

  static String html(Edition edition) {
    return cached(HTML, edition.digest(), () -> DocumentRenderer.standard().html(edition.policy(), signatures(edition)));
  }

  static byte[] pdf(Edition edition) {
    return cached(PDF, edition.digest(), () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DocumentRenderer.standard().pdf(edition.policy(), signatures(edition), out);
      return out.toByteArray();
    });
  }

  private static <T> T cached(Map<String, T> cache, String digest, java.util.function.Supplier<T> render) {
    T found = cache.get(digest);
    if (found != null) {
      return found;
    }
    T made = render.get();
    if (cache.size() >= KEEP) {
      cache.clear();
    }
    cache.put(digest, made);
    return made;
  }

  /** The signature block: a line per signatory, filled in where a verified approval exists. */
  static SignatureBlock signatures(Edition edition) {
    Policy policy = edition.policy();
    SignatureBlock.Builder block = SignatureBlock.builder()
        .approved(edition.approval().approved()).approvedOn(edition.approval().approvedOn());
    for (var signatory : policy.metadata().signatories()) {
      String title = policy.office(signatory.office()).map(o -> o.title()).orElse(signatory.office());
      Optional<Signature> signed = edition.approval().signatures().stream().filter(s -> s.office().equals(signatory.office())).findFirst();
      Line.Builder line = Line.builder().office(signatory.office()).title(title);
      signed.ifPresent(s -> line.name(s.name()).date(s.date()).verification("approved, signature verified"));
      block.addLine(line.build());
    }
    return block.build();
  }
}
