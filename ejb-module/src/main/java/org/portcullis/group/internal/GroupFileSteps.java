package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.portcullis.audit.AuditLog;
import org.portcullis.group.GroupAudit;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupFiles.Stored;
import org.portcullis.group.GroupMessages.Entry;
import org.portcullis.time.PortcullisClock;

/**
 * The database steps of an upload, each in a short transaction of its own, so that no transaction
 * stays open while a large file streams in: first the membership is checked, then (after the bytes
 * are on disk) the file is entered into the stream under the group's lock, if the group is still
 * open and the uploader still a member.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GroupFileSteps {

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;
  @EJB GroupAuditTrail trail;
  @EJB GroupRepository groups;
  @EJB GroupStream stream;

  /** Checks that the caller may upload to the group. */
  public void checkMember(String groupId, GroupCaller caller) {
    groups.requireMember(groupId, caller, false);
  }

  /** Enters a received file into the stream. */
  public Stored record(String groupId, String fileId, long size, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, true);
    Entry entry =
        stream.file(membership.group(), fileId, membership.member().memberId(), size, clock.now());
    audit.record(
        caller.actor(),
        GroupAudit.FILE_UPLOAD,
        GroupAudit.subject(groupId),
        "OK",
        "seq=" + entry.seq() + " file=" + fileId + " bytes=" + size);
    return new Stored(fileId, entry.seq(), size);
  }

  /** An upload refused for its size: audited, nothing stored. */
  public void tooLarge(String groupId, GroupCaller caller, long limit) {
    audit.record(
        caller.actor(),
        GroupAudit.FILE_UPLOAD,
        GroupAudit.subject(groupId),
        GroupAudit.REFUSED,
        "larger than " + limit + " bytes");
  }
}
