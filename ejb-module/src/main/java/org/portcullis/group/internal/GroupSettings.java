package org.portcullis.group.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.Durations;
import org.portcullis.config.PublicUrl;
import org.portcullis.group.GroupLimits;
import org.portcullis.group.JoinLinks;

/**
 * The private groups' settings, read and checked once at start-up so that a bad value stops the
 * deployment with the setting's name. The limits and their defaults are {@link GroupLimits};
 * besides them:
 *
 * <ul>
 *   <li>{@code portcullis.groups.join-url}: the join link's template (see {@link JoinLinks}),
 *       default {@code <portcullis.public-url>}{@value JoinLinks#DEFAULT_PATH};
 *   <li>{@code portcullis.groups.files}: where files are kept, default {@code
 *       <portcullis.data>/groups}.
 * </ul>
 *
 * <p>Callers reach it through its EJB proxy: its accessors must stay public.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GroupSettings {

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "portcullis.data")
  Optional<String> dataDirectory;

  @Inject
  @ConfigProperty(name = "portcullis.groups.files")
  Optional<String> filesDirectory;

  @Inject
  @ConfigProperty(name = "portcullis.groups.join-url")
  Optional<String> joinUrl;

  /** The one reader of {@code portcullis.public-url}. */
  @EJB PublicUrl publicUrl;

  private GroupLimits limits;
  private JoinLinks joinLinks;
  private Path files;

  @PostConstruct
  void read() {
    try {
      limits =
          new GroupLimits(
              duration("portcullis.groups.max-validity"),
              duration("portcullis.groups.max-lifetime"),
              duration("portcullis.groups.max-extension"),
              duration("portcullis.groups.default-notice"),
              (int) number("portcullis.groups.max-members"),
              (int) number("portcullis.groups.max-invitees"),
              number("portcullis.groups.max-file-bytes"),
              (int) number("portcullis.groups.max-wrong-codes"),
              (int) number("portcullis.groups.max-wrong-codes-per-terminal"));
      joinLinks =
          new JoinLinks(
              joinUrl
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .orElse(publicUrl.base() + JoinLinks.DEFAULT_PATH));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    files =
        filesDirectory
            .map(Path::of)
            .or(() -> dataDirectory.map(dir -> Path.of(dir, "groups")))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Set portcullis.data (or portcullis.groups.files) to where group files"
                            + " are kept"))
            .toAbsolutePath();
  }

  public GroupLimits limits() {
    return limits;
  }

  public JoinLinks joinLinks() {
    return joinLinks;
  }

  /** The root of the group files: one directory per group below it. */
  public Path files() {
    return files;
  }

  /** The public base URL without a trailing slash. */
  public String publicUrl() {
    return publicUrl.base();
  }

  private Duration duration(String name) {
    return Durations.positive(name, value(name));
  }

  private long number(String name) {
    String value = value(name);
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " must be a whole number, not " + value, e);
    }
  }

  private String value(String name) {
    return config.getOptionalValue(name, String.class).orElse(GroupLimits.DEFAULTS.get(name));
  }
}
