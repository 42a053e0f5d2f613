package org.portcullis.group.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.portcullis.group.GroupIds;

/**
 * The files of the groups on disk: {@code <root>/<groupId>/<fileId>}, written as they arrive
 * through a {@code .part} file that is moved into place once complete, so a half-received file is
 * never served. Plain Java; thread-safe (each upload writes its own file).
 *
 * <p>With two nodes, {@code root} must be a directory both see (a shared volume): a file uploaded
 * through one node is downloaded through either.
 */
public final class GroupFileStore {

  /** Thrown by {@link #receive} as soon as the bytes read pass the limit. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static final int BUFFER = 64 * 1024;
  private static final Pattern SAFE = Pattern.compile("[a-z0-9-]{1,40}");

  private final Path root;

  public GroupFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Where a group's file is (whether or not it exists). */
  public Path file(String groupId, String fileId) {
    return directory(groupId).resolve(checked(fileId));
  }

  /**
   * Copies {@code body} into the group's directory as {@code fileId}, reading at most {@code
   * maxBytes}: one byte more and it stops, deletes what it wrote and throws.
   *
   * @return the size
   * @throws TooLarge when the body is longer than {@code maxBytes}
   * @throws UncheckedIOException when the body breaks off or the disk fails (nothing is left)
   */
  public long receive(String groupId, String fileId, InputStream body, long maxBytes)
      throws TooLarge {
    Path target = file(groupId, fileId);
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      long size = 0;
      try (OutputStream out = Files.newOutputStream(part)) {
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = body.read(buffer)) >= 0) {
          size += read;
          if (size > maxBytes) {
            throw new TooLarge();
          }
          out.write(buffer, 0, read);
        }
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return size;
    } catch (IOException e) {
      deleteQuietly(part);
      throw new UncheckedIOException("the file could not be received", e);
    } catch (TooLarge e) {
      deleteQuietly(part);
      throw e;
    }
  }

  /** Deletes one file, if it is there, and the group's directory if that leaves it empty. */
  public void delete(String groupId, String fileId) {
    Path file = file(groupId, fileId);
    deleteQuietly(file);
    try {
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      // not empty: other files of the group are there
    }
  }

  /**
   * Deletes a group's directory and everything in it.
   *
   * @return whether nothing of the group is left on disk
   */
  public boolean deleteGroup(String groupId) {
    Path directory = directory(groupId);
    if (!Files.exists(directory)) {
      return true;
    }
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
      return true;
    } catch (NoSuchFileException | DirectoryNotEmptyException e) {
      // another node (or an upload that was still running) raced us: the next sweep finishes
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("the files of group " + groupId + " could not be deleted", e);
    }
  }

  /** Whether anything of the group is on disk. */
  public boolean holdsAnythingOf(String groupId) {
    return Files.exists(directory(groupId));
  }

  private Path directory(String groupId) {
    if (!GroupIds.isGroupId(groupId)) {
      throw new IllegalArgumentException("not a group id");
    }
    Path directory = root.resolve(groupId);
    ensureRoot();
    return directory;
  }

  private void ensureRoot() {
    if (Files.isDirectory(root)) {
      return;
    }
    try {
      // the files are ciphertext, but nobody else on the machine needs to list them
      if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            root,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
  }

  private static String checked(String fileId) {
    // ids are ours (e-xxxx), but a path is built from them: refuse anything else outright
    if (!SAFE.matcher(fileId).matches()) {
      throw new IllegalArgumentException("not a file id");
    }
    return fileId;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover is removed with its group's directory when the group closes
    }
  }
}
