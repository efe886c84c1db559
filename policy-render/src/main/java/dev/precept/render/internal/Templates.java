package dev.precept.render.internal;

import dev.precept.model.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * Precept's templates, or a user's own where their folder has a file of the same name. Velocity
 * runs in strict mode (an unknown reference is an error, not blank output) with the secure
 * introspector (no reflection, class loaders or file access from a template).
 */
public final class Templates {
  static final String BUILT_IN = "dev/precept/render/templates/";

  private final String builtIn;
  private final Optional<Path> folder;
  private final VelocityEngine engine;

  /** The document's templates from the classpath, overridden by any file of the same name in {@code folder}. */
  public Templates(Optional<Path> folder) {
    this(folder, BUILT_IN);
  }

  /**
   * Templates from the classpath folder {@code builtIn} (ending in a slash), overridden by any file
   * of the same name in {@code folder}.
   */
  public Templates(Optional<Path> folder, String builtIn) {
    this.builtIn = builtIn;
    this.folder = folder.map(Path::toAbsolutePath);
    Properties properties = new Properties();
    properties.setProperty("resource.loaders", this.folder.isPresent() ? "file,class" : "class");
    properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
    this.folder.ifPresent(dir -> {
      properties.setProperty("resource.loader.file.class", ConfinedFileLoader.class.getName());
      properties.setProperty("resource.loader.file.path", dir.toString());
    });
    properties.setProperty("resource.default_encoding", "UTF-8");
    properties.setProperty("runtime.strict_mode.enable", "true");
    // A macro belongs to the template that defines it: a user's template cannot be shadowed by ours.
    properties.setProperty("velocimacro.inline.local_scope", "true");
    properties.setProperty("introspector.uberspect.class", SecureUberspector.class.getName());
    this.engine = new VelocityEngine(properties);
    this.engine.init();
  }

  /** The user's folder, if one was given. */
  public Optional<Path> folder() {
    return folder;
  }

  /** Merges a template with a view. */
  public String merge(String name, Map<String, Object> view) {
    String resolved = folder.filter(dir -> isFileInside(dir, dir.resolve(name))).isPresent() ? name : builtIn + name;
    try {
      Template template = engine.getTemplate(resolved, "UTF-8");
      VelocityContext context = new VelocityContext();
      view.forEach(context::put);
      StringWriter out = new StringWriter();
      template.merge(context, out);
      return out.toString();
    } catch (VelocityException e) {
      throw new PolicyException("template " + resolved + " failed: " + e.getMessage(), e);
    }
  }

  /** The images in the user's folder (png, jpg, gif, svg) as data URIs, by file name, sorted. */
  public Map<String, String> images() {
    Map<String, String> images = new java.util.TreeMap<>();
    if (folder.isEmpty()) {
      return images;
    }
    try (java.util.stream.Stream<Path> files = Files.list(folder.get())) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String type = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
            : name.endsWith(".gif") ? "image/gif" : name.endsWith(".svg") ? "image/svg+xml" : null;
        if (type != null && isFileInside(folder.get(), file)) {
          images.put(name, "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return images;
  }

  /** A text file (the style sheet) from the user's folder or the built-in templates. */
  public String text(String name) {
    try {
      if (folder.isPresent() && isFileInside(folder.get(), folder.get().resolve(name))) {
        return Files.readString(folder.get().resolve(name), StandardCharsets.UTF_8);
      }
      try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(builtIn + name)) {
        if (in == null) {
          throw new IllegalStateException("built-in template missing: " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@code file} is a regular file inside {@code folder} once every link is followed.
   *
   * @throws PolicyException when it is a link (or in a linked folder) leading outside the folder:
   *     a symlinked "logo" must never publish a file from elsewhere, such as a signer's key
   */
  public static boolean isFileInside(Path folder, Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(folder.toRealPath())) {
        throw new PolicyException(file + ": a link to a file outside the templates folder " + folder
            + " (copy the file into the folder instead)");
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Velocity's file loader, refusing templates that are links to files outside the folder. */
  public static final class ConfinedFileLoader extends FileResourceLoader {
    private Path root;

    @Override
    public void init(org.apache.velocity.util.ExtProperties configuration) {
      super.init(configuration);
      root = Path.of(configuration.getString("path", "."));
    }

    @Override
    public java.io.Reader getResourceReader(String templateName, String encoding) {
      Path file = root.resolve(templateName).normalize();
      if (!file.startsWith(root) || !isFileInside(root, file)) {
        throw new org.apache.velocity.exception.ResourceNotFoundException("no template " + templateName + " in " + root);
      }
      return super.getResourceReader(templateName, encoding);
    }
  }
}
