package org.portcullis.group.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.portcullis.error.DomainException;
import org.portcullis.group.GroupCaller;
import org.portcullis.group.GroupClosing;
import org.portcullis.group.GroupProblems;
import org.portcullis.group.GroupState.CloseReason;

/** The creator or staff close a group before its time; {@link GroupShutdown} does the closing. */
@Stateless
public class GroupClosingBean implements GroupClosing {

  @EJB GroupRepository groups;
  @EJB GroupShutdown shutdown;

  @Override
  public void closeAsCreator(String groupId, GroupCaller caller) {
    GroupRepository.Membership membership = groups.requireMember(groupId, caller, true);
    if (!membership.member().creator()) {
      throw DomainException.forbidden(
          GroupProblems.NOT_CREATOR, "Only the member who opened the group may close it");
    }
    shutdown.close(membership.group(), CloseReason.CREATOR, caller.actor());
  }

  @Override
  public void closeAsStaff(String groupId, String staffUsername) {
    PrivateGroup group =
        groups
            .lock(groupId)
            .orElseThrow(
                () -> DomainException.notFound(GroupProblems.UNKNOWN_GROUP, "No such group"));
    if (!group.isOpen()) {
      throw DomainException.conflict(GroupProblems.GROUP_CLOSED, "This group is closed already");
    }
    shutdown.close(group, CloseReason.STAFF, "staff:" + staffUsername);
  }
}
