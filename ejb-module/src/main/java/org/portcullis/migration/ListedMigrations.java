package org.portcullis.migration;

import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the scripts that {@code migrations.list} names, read from the class loader, so that
 * no server's class path layout decides which migrations exist.
 */
final class ListedMigrations implements ResourceProvider {

  private final List<Script> scripts;

  ListedMigrations(List<String> names, ClassLoader loader) {
    this.scripts = names.stream().map(name -> new Script(name, loader)).toList();
  }

  @Override
  public LoadableResource getResource(String name) {
    return scripts.stream()
        .filter(s -> s.getFilename().equals(name) || s.getAbsolutePath().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return scripts.stream()
        .filter(s -> s.getFilename().startsWith(prefix))
        .filter(s -> Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith))
        .map(LoadableResource.class::cast)
        .toList();
  }

  /** One migration script on the class path. */
  static final class Script extends LoadableResource {

    private final String name;
    private final ClassLoader loader;

    Script(String name, ClassLoader loader) {
      this.name = name;
      this.loader = loader;
    }

    @Override
    public Reader read() {
      return new StringReader(Migrations.read(loader, getAbsolutePath()));
    }

    @Override
    public String getAbsolutePath() {
      return Migrations.LOCATION + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
