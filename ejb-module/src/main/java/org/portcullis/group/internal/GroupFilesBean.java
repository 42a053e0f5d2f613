package org.portcullis.group.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Objects;
import org.portcullis.audit.AuditLog;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupFiles;
import org.portcullis.group.GroupIds;
import org.portcullis.group.GroupMessages.Kind;
import org.portcullis.group.GroupProblems;

/**
 * Streams files to and from disk ({@link GroupFileStore}). An upload runs outside any transaction
 * (a large file must not hold one open); its membership check and its entry are short transactions
 * of their own ({@link GroupFileSteps}). The size limit is enforced twice: against the declared
 * length before a byte is read, and against the bytes read while reading.
 */
@Stateless
public class GroupFilesBean implements GroupFiles {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB AuditLog audit;
  @EJB GroupSettings settings;
  @EJB GroupRepository groups;
  @EJB GroupFileSteps steps;

  private GroupFileStore store;

  @PostConstruct
  void open() {
    store = new GroupFileStore(settings.files());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Stored upload(String groupId, InputStream body, long declaredLength, GroupCaller caller) {
    Objects.requireNonNull(body, "body");
    long limit = settings.limits().maxFileBytes();
    if (declaredLength > limit) {
      steps.tooLarge(groupId, caller, limit);
      throw tooLarge(limit);
    }
    steps.checkMember(groupId, caller);
    String fileId = GroupIds.newEntryId();
    long size;
    try {
      size = store.receive(groupId, fileId, body, limit);
    } catch (GroupFileStore.TooLarge e) {
      steps.tooLarge(groupId, caller, limit);
      throw tooLarge(limit);
    }
    if (size == 0) {
      store.delete(groupId, fileId);
      throw DomainException.badInput("invalid-file", "body", "a file must not be empty");
    }
    try {
      return steps.record(groupId, fileId, size, caller);
    } catch (RuntimeException e) {
      // the group closed (or the member left) while the file came in: nothing may stay
      store.delete(groupId, fileId);
      throw e;
    }
  }

  @Override
  public Download download(String groupId, String fileId, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, false);
    GroupEntry entry =
        (GroupIds.isEntryId(fileId)
                ? em.createNamedQuery("GroupEntry.byEntryId", GroupEntry.class)
                    .setParameter("group", membership.group().id())
                    .setParameter("entryId", fileId)
                    .getResultStream()
                    .filter(e -> e.kind() == Kind.FILE)
                    .findFirst()
                : java.util.Optional.<GroupEntry>empty())
            .orElseThrow(
                () -> DomainException.notFound(GroupProblems.UNKNOWN_ENTRY, "No such file"));
    java.nio.file.Path path = store.file(groupId, fileId);
    if (!Files.isRegularFile(path)) {
      throw DomainException.notFound(GroupProblems.UNKNOWN_ENTRY, "No such file");
    }
    audit.record(
        caller.actor(),
        GroupAudit.FILE_DOWNLOAD,
        GroupAudit.subject(groupId),
        "OK",
        "file=" + fileId + " member=" + membership.member().memberId());
    return new Download(path, entry.fileSize().orElse(0L));
  }

  private static DomainException tooLarge(long limit) {
    return DomainException.tooLarge(
        GroupProblems.FILE_TOO_LARGE, "A file may have at most " + limit + " bytes");
  }
}
